import { csvText } from '../../platform/http/csv.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';

/** A figure as rows and columns: the JSON's table fallback and the CSV export share it. */
export interface FigureTable {
  /** Column keys, translated under `oversight.columns.<key>` for the CSV header. */
  columns: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}

/** RFC 4180 CSV with a header in the reader's language; a UTF-8 BOM so spreadsheets read Arabic headers right. */
export function csvOf(table: FigureTable, locale: Locale): string {
  const header = table.columns.map((key) => translate(locale, `oversight.columns.${key}`));
  return `\uFEFF${csvText([header, ...table.rows])}`;
}
