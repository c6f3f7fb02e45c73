import { systemContext } from '../../../platform/audit/record.ts';
import { describeBagProblem, type BagProblem } from '../../../platform/bagit/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { translate, type Locale } from '../../../platform/i18n/i18n.ts';
import { ARCHIVES_AGENCY } from '../access.ts';
import type { IngestDeps } from '../ingest.ts';
import type { AccessLevel } from '../schema.ts';
import { exportPackage, type InterchangeDeps } from './export.ts';
import { importBag } from './import.ts';

type Out = Pick<Console, 'log' | 'error'>;

const ACCESS_LEVELS: readonly string[] = ['public', 'restricted', 'confidential'];

/** The usage line when `guichet archive export|import` is missing an argument or given a bad one; null when it can run. */
export function interchangeUsage(sub: 'export' | 'import', args: { positionals: readonly string[]; access?: string | undefined }, locale: Locale): string | null {
  const [first, second] = args.positionals;
  if (sub === 'export') return first && second ? null : translate(locale, 'archive.interchange.export_usage');
  if (!first || (args.access !== undefined && !ACCESS_LEVELS.includes(args.access))) return translate(locale, 'archive.interchange.import_usage');
  return null;
}

/** A refusal in the platform's language: the catalogue message, each problem of an invalid bag on its own line. */
function refusal(error: unknown, dir: string, locale: Locale, out: Out, closing: 'nothing_archived' | 'no_bag_written'): number {
  if (!(error instanceof AppError)) {
    out.error(translate(locale, 'archive.interchange.failed', { reason: (error as Error).message }));
    return 1;
  }
  if (error.code === 'archive_bag_invalid') {
    const { problems } = error.details as { problems: BagProblem[] };
    out.error(translate(locale, 'bagit.validate.invalid', { dir, count: problems.length }));
    for (const problem of problems) out.error(describeBagProblem(problem, locale));
  } else {
    const params = { ...error.params, ...(typeof error.params.record === 'string' ? { record: translate(locale, `records.${error.params.record}`) } : {}) };
    out.error(translate(locale, `errors.${error.code}`, params));
  }
  out.error(translate(locale, `archive.interchange.${closing}`));
  return 1;
}

/**
 * `guichet archive export ID DIR`: writes the package as a BagIt bag at DIR (which must not exist).
 * Exit 0 with the bag's payload summary, 1 when the package is unknown, destroyed, or DIR exists.
 */
export async function archiveExportCommand(deps: InterchangeDeps, identifier: string, dir: string, locale: Locale, out: Out = console): Promise<number> {
  try {
    const bag = await exportPackage(deps, systemContext('cli: archive export'), identifier, dir, { destination: dir, locale });
    out.log(translate(locale, 'archive.interchange.exported', { identifier, dir, files: bag.files, bytes: bag.bytes, oxum: bag.payloadOxum }));
    for (const file of bag.fromReplica) out.log(translate(locale, 'archive.interchange.from_replica', { file }));
    return 0;
  } catch (error) {
    return refusal(error, dir, locale, out, 'no_bag_written');
  }
}

export interface ImportArguments {
  dir: string;
  agency?: string | undefined;
  retentionClass?: string | undefined;
  access?: string | undefined;
  locale: Locale;
}

/**
 * `guichet archive import DIR [--agency CODE] [--class CLASS] [--access LEVEL]`: validates the bag,
 * then archives it under the agency (the National Archives by default). Exit 0 with the new
 * package's identifier, or the one it was archived as before; 1 with every problem of an invalid bag.
 */
export async function archiveImportCommand(deps: IngestDeps, args: ImportArguments, out: Out = console): Promise<number> {
  const { dir, locale } = args;
  try {
    const bag = await importBag(deps, systemContext('cli: archive import'), dir, {
      agencyCode: args.agency ?? ARCHIVES_AGENCY,
      retentionClass: args.retentionClass,
      accessLevel: args.access as AccessLevel | undefined,
    });
    if (!bag.created) {
      out.log(translate(locale, 'archive.interchange.already_archived', { dir, identifier: bag.identifier }));
      return 0;
    }
    out.log(translate(locale, 'archive.interchange.imported', { dir, identifier: bag.identifier, files: bag.files, bytes: bag.bytes }));
    for (const file of bag.renamed) out.log(translate(locale, 'archive.interchange.renamed', { original: file.original, archived: file.archived }));
    return 0;
  } catch (error) {
    return refusal(error, dir, locale, out, 'nothing_archived');
  }
}
