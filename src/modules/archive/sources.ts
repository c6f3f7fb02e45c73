import type { Principal } from '../../platform/auth/policy.ts';
import type { CaseService } from '../cases/index.ts';
import type { Customs } from '../customs/index.ts';
import type { DocumentService, DocumentSummary } from '../documents/index.ts';
import { pathSafe, type PackageFile } from './package.ts';

/** The declaration as customs states it (the customs service's subscriber read). */
type DeclarationDetail = Awaited<ReturnType<Customs['declarations']['readForSubscriber']>>;

/** What the archive reads of other modules, through their services only (wired in app.ts). */
export interface ArchiveReads {
  cases: Pick<CaseService, 'view' | 'issuanceSource' | 'attachments'>;
  documents: Pick<DocumentService, 'forApplication' | 'pdf' | 'releaseNoteOfDeclaration'>;
  customs: { declaration(reference: string): Promise<DeclarationDetail> };
  /** The audit trail's entries about one record, oldest first. */
  auditTrail(recordType: string, recordId: string): Promise<unknown[]>;
  /** An agency's names, for the packages' Dublin Core creator. */
  agencyNames(code: string): Promise<{ fr: string; ar: string; en: string }>;
}

/**
 * How the archive reads a closed file: as a national officer would, which the cases and documents
 * services already authorise for every agency's files (read-only; the archive never acts on a file).
 */
export const ARCHIVE_READER: Principal = { kind: 'api_client', id: '00000000-0000-4000-8000-00000000a7c1', label: 'archive', grants: [{ role: 'officer', agencyId: null }], companyId: null, mfaPending: false };

/** An issued document's PDF, read from the blob store through the documents service. */
export const documentFile = (reads: ArchiveReads, document: DocumentSummary): PackageFile => ({
  path: `data/documents/${pathSafe(document.number)}.pdf`,
  role: 'document',
  format: 'application/pdf',
  identifiedBy: 'source',
  content: async () => (await reads.documents.pdf(ARCHIVE_READER, document.id)).stream,
});
