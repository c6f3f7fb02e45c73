/**
 * Which document is the release note of which customs declaration. A table of its own rather than
 * a column of `documents`: its key is the declaration, so a declaration has one release note
 * however many times its release is delivered.
 */
export interface ReleaseNotesTable {
  declaration_id: string;
  document_id: string;
}

export interface ReleaseNoteTables {
  release_notes: ReleaseNotesTable;
}
