/** OCR progress is written in tenths: a file read in a hundred tesseract steps costs ten writes, not a hundred. */
export const PROGRESS_STEPS = 10;

/** The tenth a fraction has reached, 0 to 10. */
export const progressStep = (fraction: number): number => Math.floor(Math.min(1, Math.max(0, fraction)) * PROGRESS_STEPS + 1e-9);

/**
 * Calls `write` once each time the progress reaches a new tenth, one write at a time and in order
 * (a slow write does not let a later, lower value overtake it). `flush` waits for the last one.
 */
export function throttledProgress(write: (progress: number) => Promise<void>, onError: (error: unknown) => void) {
  let written = 0;
  let queue = Promise.resolve();
  return {
    report(fraction: number): void {
      const step = progressStep(fraction);
      if (step <= written) return;
      written = step;
      queue = queue.then(() => write(step / PROGRESS_STEPS)).catch(onError);
    },
    flush: () => queue,
  };
}
