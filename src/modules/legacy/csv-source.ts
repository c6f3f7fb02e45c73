import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../platform/http/errors.ts';
import { itemIndexOf, rejectionOf, type LegacyEntry } from './entries.ts';
import type { LegacyDraft, MappingProblem } from './mapping.ts';
import { TAX_KINDS, type LegacyRejection } from './record.ts';

/**
 * The old system's CSV export (docs/customs/legacy-coexistence.md "CSV layout"): one line per
 * item, the lines of a declaration consecutive and repeating its declaration columns.
 */
const DECLARATION_COLUMNS = {
  reference: 'reference',
  officeCode: 'office',
  regime: 'regime',
  lodgedAt: 'lodged_at',
  releasedAt: 'released_at',
  channel: 'channel',
  importerTaxId: 'importer_tax_id',
  declarantTaxId: 'declarant_tax_id',
  currency: 'currency',
} as const;
const ITEM_COLUMNS = { hsCode: 'hs_code', description: 'description', origin: 'origin', quantity: 'quantity', unit: 'unit', value: 'value' } as const;
export const CSV_COLUMNS: readonly string[] = [...Object.values(DECLARATION_COLUMNS), ...Object.values(ITEM_COLUMNS), ...TAX_KINDS];
/** Columns a file must have; the others may be left out (then empty). */
const REQUIRED_COLUMNS = ['reference', 'office', 'regime', 'lodged_at', 'declarant_tax_id', 'currency', 'hs_code', 'origin', 'value'];

type Row = Record<string, string>;
interface Group {
  reference: string;
  lines: number[];
  rows: Row[];
}

function checkHeader(header: string[]): string[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  const unknown = names.filter((name) => !CSV_COLUMNS.includes(name));
  if (missing.length > 0 || unknown.length > 0) throw new AppError(422, 'legacy_csv_header_invalid', { missing: missing.join(', ') || '—', unknown: unknown.join(', ') || '—' });
  return names;
}

function entryOf(group: Group): LegacyEntry {
  const [first = {}] = group.rows;
  const problems: MappingProblem[] = [];
  // A declaration's columns are repeated on each of its item lines: they must agree.
  group.rows.slice(1).forEach((row, index) => {
    for (const [field, column] of Object.entries(DECLARATION_COLUMNS)) {
      if ((row[column] ?? '') !== (first[column] ?? '')) problems.push({ field: `items[${index + 1}].${field}`, code: 'inconsistent_lines', params: { field: column, value: row[column] ?? '' } });
    }
  });
  const value = (row: Row, column: string) => row[column] ?? '';
  const draft: LegacyDraft = {
    ...(Object.fromEntries(Object.entries(DECLARATION_COLUMNS).map(([field, column]) => [field, value(first, column)])) as Omit<LegacyDraft, 'items' | 'taxes'>),
    items: group.rows.map((row) => ({
      hsCode: value(row, 'hs_code').replace(/\./g, ''),
      description: value(row, 'description'),
      origin: value(row, 'origin').toUpperCase(),
      quantity: value(row, 'quantity'),
      unit: value(row, 'unit').toUpperCase(),
      value: value(row, 'value'),
    })),
    taxes: group.rows.flatMap((row, index) => TAX_KINDS.map((kind) => ({ kind, amount: value(row, kind), field: `items[${index}].${kind}` }))),
  };
  return { kind: 'draft', draft, problems, locate: (field) => ({ line: group.lines[itemIndexOf(field) ?? 0] ?? null }), read: group.lines.length };
}

/**
 * Reads the CSV export as a stream, yielding one entry per declaration; memory stays flat whatever
 * the file's size. A line the CSV grammar cannot read is refused on its own, the rest goes on.
 */
export async function* csvEntries(source: AsyncIterable<Buffer | string>): AsyncGenerator<LegacyEntry> {
  const unreadable: LegacyRejection[] = [];
  const parser = parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      unreadable.push(rejectionOf({ field: '', code: 'unreadable_line', params: { problem: error?.code ?? 'CSV' } }, { line: (error as { lines?: number } | undefined)?.lines ?? null }, null));
      return undefined;
    },
  });
  const input = Readable.from(source);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  let columns: string[] | null = null;
  let group: Group | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    for (const rejection of unreadable.splice(0)) yield { kind: 'rejection', rejection, read: 1 };
    if (!columns) {
      columns = checkHeader(record);
      continue;
    }
    const row: Row = Object.fromEntries(columns.map((column, index) => [column, record[index] ?? '']));
    const reference = row.reference ?? '';
    if (group && group.reference !== reference) yield entryOf(group);
    if (!group || group.reference !== reference) group = { reference, lines: [], rows: [] };
    group.lines.push(info.lines);
    group.rows.push(row);
  }
  for (const rejection of unreadable.splice(0)) yield { kind: 'rejection', rejection, read: 1 };
  if (group) yield entryOf(group);
}
