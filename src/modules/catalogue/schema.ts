import type { ColumnType, Generated } from 'kysely';
import type { ProcedureDefinition } from './definition.ts';

/** One published version of a procedure; applications pin the row they were filed under. */
export interface ProcedureVersionsTable {
  id: Generated<string>;
  procedure_id: string;
  version: number;
  agency_id: string;
  definition: ColumnType<ProcedureDefinition, unknown, never>;
  /** Titles, descriptions and keywords in three languages, lower-cased without accents, for search. */
  search_text: string;
  published_at: Generated<Date>;
  published_by: string | null;
}

export interface CatalogueTables {
  procedure_versions: ProcedureVersionsTable;
}
