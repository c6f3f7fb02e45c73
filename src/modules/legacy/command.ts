import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { systemContext } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/http/errors.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { ImportCounts } from './import-run.ts';
import type { LegacyDeclarations, LegacyUpload } from './service.ts';

/** Rejections printed before "… and N more"; the whole list is in the run's report (GET /api/legacy/imports/:id). */
const REJECTIONS_SHOWN = 50;

export interface LegacyImportArguments {
  file: string;
  /** csv or cusdec; by default from the file's first bytes (an interchange starts with UNA or UNB). */
  format: string | undefined;
  /** The platform's default language (DEFAULT_LOCALE): the operator's messages are in it. */
  locale: Locale;
}

/** A bar by bytes read on a terminal; on a pipe or a log file, one plain line per batch stored. */
function progressOn(stream: NodeJS.WriteStream, label: string, size: number) {
  if (!stream.isTTY) {
    return {
      update: (_bytes: number, counts: ImportCounts) => void stream.write(`${label}: ${counts.linesRead} (${counts.imported} / ${counts.alreadyPresent} / ${counts.rejected})\n`),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar({ stream, format: `${label} [{bar}] {percentage}% | {imported} / {present} / {rejected}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(size, 0, { imported: 0, present: 0, rejected: 0 });
  return {
    update: (bytes: number, counts: ImportCounts) => bar.update(bytes, { imported: counts.imported, present: counts.alreadyPresent, rejected: counts.rejected }),
    stop: () => {
      bar.update(size);
      bar.stop();
    },
  };
}

async function sniffFormat(file: string): Promise<'csv' | 'cusdec'> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return /^(\uFEFF)?UN[AB]/.test(buffer.subarray(0, bytesRead).toString('utf8')) ? 'cusdec' : 'csv';
  } finally {
    await handle.close();
  }
}

/**
 * `guichet legacy import FILE [--format csv|cusdec]`: streams the file into the legacy store with a
 * progress bar (by bytes read) on stderr, then prints the run's counts and its first rejections.
 * Exit 0 when the run finished (rejections or not), 1 when the file was refused or unreadable.
 */
export async function legacyImportCommand(legacy: Pick<LegacyDeclarations, 'importAsSystem'>, args: LegacyImportArguments, out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  const { file, locale } = args;
  let size: number;
  let format: 'csv' | 'cusdec';
  try {
    size = (await fs.promises.stat(file)).size;
    format = args.format === 'csv' || args.format === 'cusdec' ? args.format : await sniffFormat(file);
  } catch (error) {
    out.error(translate(locale, 'legacy.command.unreadable', { file, reason: (error as Error).message }));
    return 1;
  }
  const stream = fs.createReadStream(file);
  const progress = progressOn(process.stderr, translate(locale, 'legacy.command.progress_label'), size);
  const fileName = file.split(/[\\/]/).at(-1) ?? file;
  const upload: LegacyUpload = format === 'csv' ? { format, fileName, body: stream } : { format, fileName, body: await fs.promises.readFile(file, 'utf8') };
  try {
    const run = await legacy.importAsSystem(systemContext('cli: legacy import'), upload, (counts) => progress.update(stream.bytesRead, counts));
    progress.stop();
    out.log(translate(locale, 'legacy.command.finished', { file: fileName, id: run.id, read: run.linesRead, imported: run.imported, present: run.alreadyPresent, rejected: run.rejected, digest: run.digest }));
    for (const rejection of run.rejections.slice(0, REJECTIONS_SHOWN)) {
      out.error(translate(locale, 'legacy.command.rejection', { where: rejection.segment ? `${rejection.messageReference ?? ''} #${rejection.segment} ${rejection.tag ?? ''}`.trim() : `${rejection.line ?? '?'}`, message: translate(locale, `legacy.rejection.${rejection.code}`, rejection.params) }));
    }
    if (run.rejections.length > REJECTIONS_SHOWN) out.error(translate(locale, 'legacy.command.more', { count: run.rejections.length - REJECTIONS_SHOWN }));
    return 0;
  } catch (error) {
    progress.stop();
    if (!(error instanceof AppError)) throw error;
    out.error(translate(locale, 'legacy.command.refused', { message: translate(locale, `errors.${error.code}`, error.params) }));
    return 1;
  }
}
