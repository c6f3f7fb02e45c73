import { translate, type Locale } from '../i18n/i18n.ts';

/** Every way a bag can fail validation; each has its message in the server catalogues under `bagit.problems.<code>`. */
export const BAG_PROBLEM_CODES = [
  'bagit_unreadable',
  'bagit_missing_bagit_txt',
  'bagit_bad_declaration',
  'bagit_unsupported_version',
  'bagit_bom',
  'bagit_bad_encoding',
  'bagit_unsupported_encoding',
  'bagit_missing_payload_dir',
  'bagit_missing_manifest',
  'bagit_unsupported_algorithm',
  'bagit_bad_manifest_line',
  'bagit_bad_percent_encoding',
  'bagit_path_escapes',
  'bagit_link_escapes',
  'bagit_manifest_outside_payload',
  'bagit_tag_manifest_lists_payload',
  'bagit_tag_manifest_lists_tag_manifest',
  'bagit_tag_manifest_incomplete',
  'bagit_duplicate_entry',
  'bagit_missing_file',
  'bagit_listed_directory',
  'bagit_unlisted_file',
  'bagit_checksum_mismatch',
  'bagit_bad_bag_info',
  'bagit_bad_oxum',
  'bagit_repeated_oxum',
  'bagit_oxum_mismatch',
  'bagit_bad_fetch_line',
  'bagit_fetch_lists_tag_file',
  'bagit_fetch_unlisted',
  'bagit_fetch_incomplete',
] as const;

export type BagProblemCode = (typeof BAG_PROBLEM_CODES)[number];

export type BagProblemParams = Record<string, string | number>;

export interface BagProblem {
  code: string;
  /** The file at fault, relative to the bag's base directory ('/' separators). */
  file?: string;
  /** In English, for logs and API callers; `params` let a user interface say it in fr/ar/en. */
  message: string;
  params?: BagProblemParams;
}

/** A problem with its English message; `params.file` names the file when there is one. */
export function bagProblem(code: BagProblemCode, params: BagProblemParams = {}): BagProblem {
  const message = translate('en', `bagit.problems.${code}`, params);
  return typeof params.file === 'string' ? { code, file: params.file, message, params } : { code, message, params };
}

/** The problem in the reader's language. */
export const describeBagProblem = (problem: BagProblem, locale: Locale): string =>
  problem.params && (BAG_PROBLEM_CODES as readonly string[]).includes(problem.code) ? translate(locale, `bagit.problems.${problem.code}`, problem.params) : problem.message;
