import fs from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { systemContext } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { translate, type Locale } from '../../../platform/i18n/i18n.ts';
import { ensureReferenceData } from './ensure.ts';
import { importTariff } from './tariff-import.ts';

/** Problems printed before "… and N more": enough to see the pattern of a wrong file. */
const PROBLEMS_SHOWN = 50;

interface Progress {
  update(written: number, total: number): void;
  stop(): void;
}

/** A bar on a terminal; on a pipe or a log file, one plain line per batch written. */
function progressOn(stream: NodeJS.WriteStream, locale: Locale): Progress {
  const label = translate(locale, 'customs.tariff_import.progress_label');
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({ stream, format: `${label} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      update(written, total) {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(written);
      },
      stop: () => bar.stop(),
    };
  }
  return {
    update: (written, total) => void stream.write(`${label}: ${written}/${total}\n`),
    stop: () => undefined,
  };
}

function printRefusal(error: AppError, file: string, locale: Locale, out: Pick<Console, 'error'>) {
  const fields = (error.details as { fields?: { path: string; messageKey: string; params: Record<string, unknown> }[] } | undefined)?.fields ?? [];
  if (error.code !== 'tariff_file_invalid') {
    out.error(translate(locale, 'customs.tariff_import.refused', { message: translate(locale, `errors.${error.code}`, error.params) }));
    return;
  }
  out.error(translate(locale, 'customs.tariff_import.invalid', { count: fields.length, file }));
  for (const field of fields.slice(0, PROBLEMS_SHOWN)) {
    out.error(translate(locale, 'customs.tariff_import.problem', { line: field.params.line, path: field.path, message: translate(locale, field.messageKey, field.params) }));
  }
  if (fields.length > PROBLEMS_SHOWN) out.error(translate(locale, 'customs.tariff_import.more', { count: fields.length - PROBLEMS_SHOWN }));
}

export interface TariffImportArguments {
  file: string;
  validFrom: string | undefined;
  label: string | undefined;
  /** The platform's default language (DEFAULT_LOCALE): the operator's messages are in it. */
  locale: Locale;
}

/**
 * `guichet tariff import FILE [--valid-from YYYY-MM-DD] [--label TEXT]`: the whole file is checked
 * first (every problem listed with its line, nothing stored), then loaded in one transaction with a
 * progress bar on stderr, audited as done by the command line. Exit 0 imported, 1 refused.
 */
export async function tariffImportCommand(db: Db, args: TariffImportArguments, out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  const { file, locale } = args;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    out.error(translate(locale, 'customs.tariff_import.unreadable', { file, reason: (error as Error).message }));
    return 1;
  }
  // The file is checked against the nomenclature, which must be there first.
  await ensureReferenceData(db);
  const progress = progressOn(process.stderr, locale);
  try {
    const { version, closed } = await importTariff(db, text, { context: systemContext('cli: tariff import'), label: args.label, validFrom: args.validFrom, onProgress: progress.update });
    progress.stop();
    out.log(translate(locale, 'customs.tariff_import.imported', { label: version.label, lines: version.lineCount, validFrom: version.validFrom, id: version.id, sha256: version.sourceSha256 }));
    if (closed) out.log(translate(locale, 'customs.tariff_import.closed', { label: closed.label, validTo: closed.validTo }));
    return 0;
  } catch (error) {
    progress.stop();
    if (!(error instanceof AppError)) throw error;
    printRefusal(error, file, locale, out);
    return 1;
  }
}
