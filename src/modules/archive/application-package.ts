import { extensionOf, jsonFile, pathSafe, type PackageFile, type PackageSource } from './package.ts';
import { ARCHIVE_READER, documentFile, type ArchiveReads } from './sources.ts';

/**
 * The package of a closed application: its form data, attachments, issued documents and receipts,
 * decision with its timeline, and audit excerpt; null while the file is still open. The documents
 * module issues an approved file's document and a paid file's receipt from the same outbox, in
 * parallel: until they are there this throws, and the bus tries again later, so the package never
 * misses what the decision earned. (Issuing them from here raced the documents module's own
 * issuance, and the loser's PDF could end up stored for the winner's row.)
 */
export async function applicationPackage(reads: ArchiveReads, applicationId: string): Promise<PackageSource | null> {
  const source = await reads.cases.issuanceSource(applicationId);
  if (source.decidedAt === null) return null;
  const view = await reads.cases.view(ARCHIVE_READER, applicationId);
  const documents = await reads.documents.forApplication(ARCHIVE_READER, applicationId);
  if (view.outcome === 'approved' && source.definition.document && !documents.some((d) => d.kind === 'document')) throw new Error(`the document of ${view.reference} is not issued yet`);
  if (view.fee?.paid && !documents.some((d) => d.kind === 'receipt')) throw new Error(`the receipt of ${view.reference} is not issued yet`);
  const attachments = view.attachments.map((a, i) => ({ ...a, path: `data/attachments/${String(i + 1).padStart(2, '0')}-${pathSafe(a.kind)}.${extensionOf(a.mediaType)}` }));
  const last = view.timeline.findLast((t) => t.toState === view.state);
  const files: PackageFile[] = [
    jsonFile('data/form.json', 'form', {
      reference: view.reference,
      procedure: { id: view.procedureId, version: view.procedureVersion, title: view.procedureTitle },
      applicant: { id: source.applicant.id, name: source.applicant.name },
      company: source.company,
      submittedAt: view.submittedAt,
      data: view.data,
      fee: view.fee,
      attachments: attachments.map((a) => ({ path: a.path, kind: a.kind, fileName: a.fileName, mediaType: a.mediaType, size: a.size, uploadedAt: a.uploadedAt })),
    }),
    ...attachments.map<PackageFile>((a) => ({
      path: a.path,
      role: 'attachment',
      format: a.mediaType,
      identifiedBy: 'source',
      content: async () => (await reads.cases.attachments.open(ARCHIVE_READER, applicationId, a.id)).stream,
    })),
    ...documents.map((d) => documentFile(reads, d)),
    jsonFile('data/decision.json', 'decision', {
      state: view.state,
      stateLabel: view.stateLabel,
      outcome: view.outcome,
      decidedAt: source.decidedAt,
      decidedBy: last?.actor ?? null,
      action: last?.action ?? null,
      comment: last?.comment ?? null,
      documents: documents.map((d) => ({ number: d.number, type: d.type, kind: d.kind, issuedAt: d.issuedAt, validUntil: d.validUntil })),
      timeline: view.timeline,
    }),
    jsonFile('data/audit-trail.json', 'audit', await reads.auditTrail('application', applicationId)),
  ];
  return {
    sourceType: 'application',
    sourceId: applicationId,
    reference: view.reference,
    agencyCode: source.agencyCode,
    retentionClass: source.definition.retentionClass,
    description: { title: view.procedureTitle, creator: await reads.agencyNames(source.agencyCode), subject: view.procedureId, date: source.decidedAt, type: 'Collection', language: ['fr', 'ar', 'en'] },
    files,
  };
}
