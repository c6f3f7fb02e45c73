import type { Trx } from '../../platform/db/database.ts';
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

export async function recordEvents(trx: Trx, agent: string, events: readonly PremisEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('archive_events')
    .values(events.map((e) => ({ event_type: e.type, outcome: e.outcome, detail: e.detail, agent, package_id: e.packageId, file_id: e.fileId })))
    .execute();
}
