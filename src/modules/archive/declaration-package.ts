import { jsonFile, type PackageFile, type PackageSource } from './package.ts';
import { documentFile, type ArchiveReads } from './sources.ts';

/** Declarations are kept under one class of their own: ten years after release or rejection (docs/archive/storage.md). */
export const DECLARATION_RETENTION_CLASS = 'customs-declarations-10y';
/** The customs administration, which lodged declarations are records of. */
const CUSTOMS_AGENCY = 'CUSTOMS';
const CLOSED = new Set(['released', 'rejected']);
const TITLE = { fr: 'Déclaration en douane', ar: 'تصريح جمركي', en: 'Customs declaration' };

/**
 * The package of a released or rejected declaration: the declaration as lodged (last version),
 * the decision (assessment, channel, inspections, rejection or release), the release note, and the
 * audit excerpt; null while it is still being worked. A released declaration's note is issued
 * first when the documents module has not done it yet (idempotent per declaration).
 */
export async function declarationPackage(reads: ArchiveReads, declarationId: string, reference: string): Promise<PackageSource | null> {
  const declaration = await reads.customs.declaration(reference);
  if (declaration.id !== declarationId || !CLOSED.has(declaration.state)) return null;
  // The documents module issues the release note from the same event; until it is there, the bus tries again later.
  const note = declaration.state === 'released' ? await reads.documents.releaseNoteOfDeclaration(declarationId) : null;
  if (declaration.state === 'released' && !note) throw new Error(`the release note of ${declaration.reference} is not issued yet`);
  const closedAt = declaration.releasedAt ?? declaration.history.at(-1)?.at ?? new Date().toISOString();
  const files: PackageFile[] = [
    jsonFile('data/declaration.json', 'form', {
      reference: declaration.reference,
      localReference: declaration.localReference,
      version: declaration.version,
      declaredOn: declaration.declaredOn,
      lodgedAt: declaration.lodgedAt,
      declaration: declaration.declaration,
      versions: declaration.versions,
    }),
    ...(note ? [documentFile(reads, note)] : []),
    jsonFile('data/decision.json', 'decision', {
      state: declaration.state,
      closedAt,
      channel: declaration.channel,
      risk: declaration.risk,
      assessment: declaration.assessment,
      totalDue: declaration.totalDue,
      currency: declaration.currency,
      documentChecks: declaration.documentChecks,
      inspections: declaration.inspections,
      rejection: declaration.rejection,
      releasedAt: declaration.releasedAt,
      releaseNote: note ? { number: note.number, issuedAt: note.issuedAt } : null,
      history: declaration.history,
      notifications: declaration.notifications,
    }),
    jsonFile('data/audit-trail.json', 'audit', await reads.auditTrail('customs_declaration', declarationId)),
  ];
  return {
    sourceType: 'customs_declaration',
    sourceId: declarationId,
    reference: declaration.reference,
    agencyCode: CUSTOMS_AGENCY,
    retentionClass: DECLARATION_RETENTION_CLASS,
    description: { title: TITLE, creator: await reads.agencyNames(CUSTOMS_AGENCY), subject: `customs regime ${declaration.declaration.regime}`, date: closedAt, type: 'Collection', language: ['fr', 'ar', 'en'] },
    files,
  };
}
