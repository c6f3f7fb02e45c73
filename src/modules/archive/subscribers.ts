import { systemContext } from '../../platform/audit/record.ts';
import type { EventBus } from '../../platform/events/index.ts';
import type { CaseTopics } from '../cases/index.ts';
import type { CustomsTopics } from '../customs/index.ts';
import type { Archive } from './service.ts';

export type ArchiveTopics = Pick<CaseTopics, 'application.state_changed'> & Pick<CustomsTopics, 'customs.declaration.released' | 'customs.declaration.rejected'>;

/** A day: fixity is checked daily (docs/archive/storage.md). */
const DAILY = 86_400;
/** Interrupted ingests are looked for this often (the outbox usually redelivers them first). */
const RESUME_EVERY = 900;

/**
 * Automatic ingest from the outbox: a file that reached a final state (approved, rejected,
 * withdrawn), a declaration released or rejected. Ingest is idempotent by source record, so a
 * redelivery, or a delivery cut short by a crash, archives it once.
 */
export function registerArchiveIngest(bus: EventBus<ArchiveTopics>, archive: Archive): void {
  bus.subscribe('application.state_changed', 'archive.ingest_application', async ({ payload }) => {
    if (payload.outcome === null) return;
    await archive.archiveApplication(payload.applicationId);
  });
  for (const topic of ['customs.declaration.released', 'customs.declaration.rejected'] as const) {
    bus.subscribe(topic, 'archive.ingest_declaration', async ({ payload }) => {
      await archive.archiveDeclaration(payload.declarationId, payload.reference);
    });
  }
}

export function scheduleArchiveJobs(bus: EventBus<ArchiveTopics>, archive: Archive): void {
  bus.schedule('archive.fixity_audit', DAILY, async () => {
    await archive.auditFixity({ context: systemContext('archive: fixity audit') });
  });
  bus.schedule('archive.resume_interrupted', RESUME_EVERY, async () => {
    await archive.resumeInterrupted(systemContext('archive: resume'));
  });
}
