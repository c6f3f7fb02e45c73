import { translate, type Locale } from '../i18n/i18n.ts';
import { describeBagProblem } from './problems.ts';
import { validateBag } from './validate.ts';

export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

/**
 * `guichet archive validate DIR`: checks any BagIt bag (1.0 or 0.97) on disk — no database, no
 * network (fetch.txt items are never downloaded). Exit 0 when valid, 1 when not (each problem
 * on its own line, in the platform's language), 2 on a usage error.
 */
export async function validateBagCommand(dir: string | undefined, options: { locale: Locale; progress?: NodeJS.WriteStream }, out: CommandOutput = console): Promise<number> {
  const { locale } = options;
  if (!dir) {
    out.error(translate(locale, 'bagit.validate.usage'));
    return 2;
  }
  const progress = options.progress?.isTTY ? options.progress : null;
  const label = translate(locale, 'bagit.validate.progress_label');
  const verdict = await validateBag(dir, { onProgress: (done, total) => progress?.write(`\r${label}: ${done}/${total}`) });
  progress?.write('\n');
  if (verdict.valid) {
    out.log(translate(locale, 'bagit.validate.valid', { version: verdict.version, files: verdict.payload?.files ?? 0, bytes: verdict.payload?.bytes ?? 0 }));
    return 0;
  }
  out.error(translate(locale, 'bagit.validate.invalid', { dir, count: verdict.problems.length }));
  for (const problem of verdict.problems) out.error(describeBagProblem(problem, locale));
  return 1;
}
