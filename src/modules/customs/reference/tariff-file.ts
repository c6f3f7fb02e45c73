import { parse } from 'csv-parse/sync';
import type { DutyBand } from '../assessment/types.ts';
import { isCalendarDay } from './days.ts';
import { nationalLineDigits } from './hs-codes.ts';
import type { ExactExcise } from './schema.ts';

/**
 * The national tariff file `guichet tariff import` reads (format in docs/customs/reference-data.md):
 * `# key: value` lines first (label, valid_from, the two fee rates), then a CSV table with a
 * header naming COLUMNS, one row per national line. Pure: the HS subheadings that exist are given.
 */
export const COLUMNS = ['national_line', 'hs6', 'band', 'vat_percent', 'excise_kind', 'excise_rate', 'excise_unit', 'community_preference', 'description'] as const;
type Column = (typeof COLUMNS)[number];

const METADATA_KEYS = ['label', 'valid_from', 'statistical_fee_percent', 'community_levy_percent'] as const;
type MetadataKey = (typeof METADATA_KEYS)[number];

const BANDS: readonly DutyBand[] = [0, 5, 10, 20, 35];
const PERCENT = /^[0-9]{1,4}(\.[0-9]{1,4})?$/;
const AMOUNT = /^[0-9]{1,12}(\.[0-9]{1,4})?$/;
/** UN/ECE Recommendation 20 unit codes (LTR, KGM, NAR…), the unit declarations state quantities in. */
const UNIT = /^[A-Z0-9]{2,3}$/;
const MAX_DESCRIPTION = 1000;

export interface TariffFileLine {
  /** Physical line of the file, 1-based, for the person who fixes it. */
  line: number;
  /** Ten digits, no dots. */
  nationalLine: string;
  hs6: string;
  description: string;
  dutyBand: DutyBand;
  vatPercent: string;
  excise: ExactExcise | null;
  communityPreference: boolean;
}

export interface TariffFile {
  label: string;
  validFrom: string;
  feeRates: { statisticalFeePercent: string; communityLevyPercent: string };
  lines: TariffFileLine[];
}

/** One thing wrong in the file: where (line, column or metadata key) and what (an `errors.*` code and its parameters). */
export interface TariffProblem {
  line: number;
  field: string;
  code: string;
  params: Record<string, string | number>;
}

export type TariffFileReading = { ok: true; file: TariffFile } | { ok: false; problems: TariffProblem[] };

export interface TariffFileOptions {
  /** The HS six-digit subheadings of the nomenclature: a line extending any other code is refused. */
  subheadings: ReadonlySet<string>;
  /** Given on the command line, they win over the file's own. */
  label?: string | undefined;
  validFrom?: string | undefined;
}

const isPercent = (text: string) => PERCENT.test(text) && Number(text) <= 100;

/** Reads and checks the whole file; any problem anywhere means nothing of it may be stored. */
export function readTariffFile(text: string, options: TariffFileOptions): TariffFileReading {
  const problems: TariffProblem[] = [];
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const preambleLength = all.findIndex((line) => !line.startsWith('#'));
  const preamble = all.slice(0, preambleLength === -1 ? all.length : preambleLength);
  const metadata = readMetadata(preamble, problems);
  const label = options.label ?? metadata.get('label') ?? null;
  const validFrom = options.validFrom ?? metadata.get('valid_from') ?? null;
  if (label === null || label.trim() === '') problems.push({ line: 1, field: 'label', code: 'tariff_metadata_missing', params: { key: 'label' } });
  if (validFrom === null) problems.push({ line: 1, field: 'valid_from', code: 'tariff_metadata_missing', params: { key: 'valid_from' } });
  else if (!isCalendarDay(validFrom)) problems.push({ line: 1, field: 'valid_from', code: 'tariff_metadata_invalid', params: { key: 'valid_from', value: validFrom } });
  const feeRates = { statisticalFeePercent: metadata.get('statistical_fee_percent') ?? '', communityLevyPercent: metadata.get('community_levy_percent') ?? '' };
  for (const [key, value] of [['statistical_fee_percent', feeRates.statisticalFeePercent], ['community_levy_percent', feeRates.communityLevyPercent]] as const) {
    if (value === '') problems.push({ line: 1, field: key, code: 'tariff_metadata_missing', params: { key } });
    else if (!isPercent(value)) problems.push({ line: 1, field: key, code: 'tariff_metadata_invalid', params: { key, value } });
  }
  const lines = readTable(all.slice(preamble.length).join('\n'), preamble.length, options.subheadings, problems);
  // A missing label or day is among the problems; naming them again lets the types see it.
  if (problems.length > 0 || label === null || validFrom === null) return { ok: false, problems };
  return { ok: true, file: { label: label.trim(), validFrom, feeRates, lines } };
}

function readMetadata(preamble: readonly string[], problems: TariffProblem[]): Map<MetadataKey, string> {
  const metadata = new Map<MetadataKey, string>();
  preamble.forEach((text, index) => {
    // `# key: value` sets a key; any other comment line is prose for the reader.
    const match = /^#\s*([a-z_]+)\s*:\s*(.*?)\s*$/.exec(text);
    if (!match) return;
    const [, key = '', value = ''] = match;
    if ((METADATA_KEYS as readonly string[]).includes(key)) metadata.set(key as MetadataKey, value);
    else problems.push({ line: index + 1, field: key, code: 'tariff_metadata_unknown', params: { key, known: METADATA_KEYS.join(', ') } });
  });
  return metadata;
}

function readTable(csv: string, offset: number, subheadings: ReadonlySet<string>, problems: TariffProblem[]): TariffFileLine[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    problems.push({ line: offset + ((error as { lines?: number }).lines ?? 1), field: 'csv', code: 'tariff_csv_malformed', params: { reason: (error as Error).message } });
    return [];
  }
  const [header, ...rows] = records;
  if (!header) {
    problems.push({ line: offset + 1, field: 'csv', code: 'tariff_empty', params: {} });
    return [];
  }
  const positions = columnPositions(header.record, offset + header.info.lines, problems);
  if (!positions) return [];
  if (rows.length === 0) problems.push({ line: offset + header.info.lines, field: 'csv', code: 'tariff_empty', params: {} });
  const firstSeen = new Map<string, number>();
  const lines: TariffFileLine[] = [];
  for (const { record, info } of rows) {
    const line = offset + info.lines;
    if (record.length !== COLUMNS.length) {
      problems.push({ line, field: 'csv', code: 'tariff_line_columns', params: { expected: COLUMNS.length, found: record.length } });
      continue;
    }
    const cell = (column: Column) => record[positions[column]] ?? '';
    const read = readLine(line, cell, subheadings, problems);
    if (!read) continue;
    const first = firstSeen.get(read.nationalLine);
    if (first !== undefined) {
      problems.push({ line, field: 'national_line', code: 'tariff_line_duplicate', params: { nationalLine: read.nationalLine, first } });
      continue;
    }
    firstSeen.set(read.nationalLine, line);
    lines.push(read);
  }
  return lines;
}

function columnPositions(header: readonly string[], line: number, problems: TariffProblem[]): Record<Column, number> | null {
  const missing = COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(COLUMNS as readonly string[]).includes(c));
  if (missing.length > 0 || unknown.length > 0) {
    problems.push({ line, field: 'header', code: 'tariff_header', params: { missing: missing.join(', ') || '-', unknown: unknown.join(', ') || '-', expected: COLUMNS.join(',') } });
    return null;
  }
  return Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<Column, number>;
}

/** One row, every column checked; null when any is wrong (each problem is recorded). */
function readLine(line: number, cell: (column: Column) => string, subheadings: ReadonlySet<string>, problems: TariffProblem[]): TariffFileLine | null {
  const before = problems.length;
  const refuse = (field: Column, code: string, params: Record<string, string | number>) => problems.push({ line, field, code, params });

  const hs6 = cell('hs6');
  if (!subheadings.has(hs6)) refuse('hs6', 'tariff_line_unknown_hs6', { value: hs6 });
  const nationalLine = nationalLineDigits(cell('national_line'));
  if (nationalLine === null || !nationalLine.startsWith(hs6)) refuse('national_line', 'tariff_line_national_line', { value: cell('national_line'), hs6 });
  const band = Number(cell('band'));
  if (!BANDS.includes(band as DutyBand) || cell('band') !== String(band)) refuse('band', 'tariff_line_band', { value: cell('band'), bands: BANDS.join(', ') });
  const vatPercent = cell('vat_percent');
  if (!isPercent(vatPercent)) refuse('vat_percent', 'tariff_line_vat', { value: vatPercent });
  const excise = readExcise(cell, refuse);
  const preference = cell('community_preference');
  if (preference !== 'true' && preference !== 'false') refuse('community_preference', 'tariff_line_preference', { value: preference });
  const description = cell('description');
  if (description === '' || description.length > MAX_DESCRIPTION) refuse('description', 'tariff_line_description', { length: description.length, max: MAX_DESCRIPTION });

  if (problems.length > before || nationalLine === null) return null;
  return { line, nationalLine, hs6, description, dutyBand: band as DutyBand, vatPercent, excise: excise ?? null, communityPreference: preference === 'true' };
}

function readExcise(cell: (column: Column) => string, refuse: (field: Column, code: string, params: Record<string, string | number>) => void): ExactExcise | null | undefined {
  const kind = cell('excise_kind');
  const rate = cell('excise_rate');
  const unit = cell('excise_unit');
  switch (kind) {
    case '':
      if (rate !== '' || unit !== '') refuse('excise_kind', 'tariff_line_excise_kind', { value: kind, rate, unit });
      return null;
    case 'ad_valorem':
      if (!PERCENT.test(rate) || Number(rate) === 0) refuse('excise_rate', 'tariff_line_excise_rate', { value: rate, kind });
      if (unit !== '') refuse('excise_unit', 'tariff_line_excise_unit', { value: unit, kind });
      return { kind, percent: rate };
    case 'specific':
      if (!AMOUNT.test(rate) || Number(rate) === 0) refuse('excise_rate', 'tariff_line_excise_rate', { value: rate, kind });
      if (!UNIT.test(unit)) refuse('excise_unit', 'tariff_line_excise_unit', { value: unit, kind });
      return { kind, amountPerUnit: rate, unit };
    default:
      refuse('excise_kind', 'tariff_line_excise_kind', { value: kind, rate, unit });
      return undefined;
  }
}
