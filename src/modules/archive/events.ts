import type { Db, Trx } from '../../platform/db/database.ts';
import type { PremisEventType } from './schema.ts';

/** A PREMIS event as the archive records it (PREMIS 3.0 §2.2: type, date, detail, outcome, agent, linked object). */
export interface PremisEvent {
  type: PremisEventType;
  outcome: 'success' | 'failure';
  detail: string;
  packageId: string | null;
  fileId: string | null;
}

/** The software agent of events the archive records on its own. */
export const ARCHIVE_AGENT = 'guichet archive';

/** Who read, as a PREMIS `access` event names them (an id, never a name: the log outlives accounts). */
export type Reader = { kind: 'user' | 'api_client'; id: string } | { kind: 'anonymous'; ip: string | null };

export const readerOf = (principal: { kind: 'user' | 'api_client'; id: string }): Reader => ({ kind: principal.kind, id: principal.id });

const agentOf = (reader: Reader) => (reader.kind === 'anonymous' ? `anonymous${reader.ip ? ` from ${reader.ip}` : ''}` : `${reader.kind}:${reader.id}`);

/**
 * Logs a read of a package (or of one of its files) as a PREMIS `access` event. One INSERT on its
 * own, not a transaction: a read changes nothing else, and the GET holds no lock while it answers.
 * Awaited, so a read that cannot be logged fails rather than goes unrecorded.
 */
export async function recordAccess(db: Db, reader: Reader, read: { packageId: string; fileId: string | null; detail: string }): Promise<void> {
  await recordEvents(db, agentOf(reader), [{ type: 'access', outcome: 'success', ...read }]);
}

export async function recordEvents(trx: Db | Trx, agent: string, events: readonly PremisEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('archive_events')
    .values(events.map((e) => ({ event_type: e.type, outcome: e.outcome, detail: e.detail, agent, package_id: e.packageId, file_id: e.fileId })))
    .execute();
}
