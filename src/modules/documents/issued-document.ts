import type { Db } from '../../platform/db/database.ts';
import { documentRows, summaryOf, type DocumentSummary } from './store.ts';

/** A document as issued, for modules acting on `document.issued` (no reader to authorise: the event is the platform's own). */
export async function issuedDocument(db: Db, id: string): Promise<DocumentSummary | null> {
  const row = await documentRows(db).where('documents.id', '=', id).executeTakeFirst();
  return row ? summaryOf(row) : null;
}
