import type { EventBus } from '../../platform/events/index.ts';
import type { CustomsTopics, ReleaseNote } from '../customs/index.ts';
import type { DocumentService } from './service.ts';

export type ReleaseNoteTopics = Pick<CustomsTopics, 'customs.declaration.released'>;

/**
 * Issues the release note of a declaration customs released, from the outbox (as licences and
 * receipts are): customs states what the note says (`releaseNoteOf`), this module signs and prints
 * it. A redelivered event finds the note already issued.
 */
export function registerReleaseNotes(
  bus: EventBus<ReleaseNoteTopics>,
  documents: Pick<DocumentService, 'issueReleaseNote'>,
  releaseNoteOf: (declarationId: string) => Promise<ReleaseNote>,
): void {
  bus.subscribe('customs.declaration.released', 'documents.release_note', async ({ payload }) => {
    await documents.issueReleaseNote(await releaseNoteOf(payload.declarationId));
  });
}
