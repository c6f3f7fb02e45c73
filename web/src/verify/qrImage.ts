/**
 * Reading a QR code from pixels, in the browser: a picture of a document's QR, or a camera frame.
 * jsQR (pure JavaScript, no network) is fetched the first time it is needed, so the page itself
 * stays light for those who paste or upload a PDF.
 */
type Decoder = (typeof import('jsqr'))['default'];

let decoder: Promise<Decoder> | null = null;

function loadDecoder(): Promise<Decoder> {
  decoder ??= import('jsqr').then((module) => module.default);
  return decoder;
}

/** A photo is read at most this wide or high: enough for a QR filling a fifth of it, and quick. */
const maxSide = 2000;

/** The text of the first QR code found in the drawable, or null. */
async function decodeDrawable(source: CanvasImageSource, width: number, height: number, canvas: HTMLCanvasElement, maxLength: number): Promise<string | null> {
  const scale = Math.min(1, maxLength / Math.max(width, height));
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  const jsQR = await loadDecoder();
  return jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;
}

/** The QR code's text in a picture (PNG, JPEG…); throws when the browser cannot read the picture. */
export async function qrInImage(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return await decodeDrawable(bitmap, bitmap.width, bitmap.height, document.createElement('canvas'), maxSide);
  } finally {
    bitmap.close();
  }
}

/** The QR code's text in the video's current frame, read smaller: frames come several times a second. */
export function qrInFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): Promise<string | null> {
  if (video.readyState < video.HAVE_CURRENT_DATA || video.videoWidth === 0) return Promise.resolve(null);
  return decodeDrawable(video, video.videoWidth, video.videoHeight, canvas, 800);
}

/** Starts fetching the decoder early, while the camera warms up. */
export function prepareDecoder(): void {
  void loadDecoder();
}
