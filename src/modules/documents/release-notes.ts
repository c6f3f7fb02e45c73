import { randomUUID } from 'node:crypto';
import type { ChangeContext } from '../../platform/audit/record.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import type { ReleaseNote } from '../customs/index.ts';
import type { DocumentServiceDeps } from './core.ts';
import { signedDocumentOf } from './draft.ts';
import { ISSUER } from './issuance.ts';
import { sealPayload } from './payload.ts';
import { renderDocumentPdf } from './pdf/render.ts';
import { recordIssued } from './record-issued.ts';
import { releaseNoteDraft } from './release-note-draft.ts';
import { documentRows, nextNumber, summaryOf, type DocumentSummary } from './store.ts';

/** Release notes are the customs administration's, signed with its key. */
const CUSTOMS_AGENCY = 'CUSTOMS';

/**
 * Release notes: the signed document a released declaration earns, drawn from what customs states
 * about it (`ReleaseNote`), held by the importer's company, in the language of the broker who
 * lodged it. Idempotent per declaration, like a licence per file: the link row (release_notes,
 * keyed by the declaration) is written first in the issuing transaction, so a second delivery finds
 * the first note, before rendering when it can, at that insertion when two race.
 */
export function releaseNoteIssuance(deps: Omit<DocumentServiceDeps, 'cases'>) {
  const { db, bus, blobs, keys } = deps;
  const verifyUrl = `${deps.publicUrl.replace(/\/+$/, '')}/verify`;

  /** The release note issued for a declaration, or null (customs shows its id on the declaration). */
  async function releaseNoteOfDeclaration(declarationId: string): Promise<DocumentSummary | null> {
    const row = await documentRows(db)
      .innerJoin('release_notes', 'release_notes.document_id', 'documents.id')
      .where('release_notes.declaration_id', '=', declarationId)
      .executeTakeFirst();
    return row ? summaryOf(row) : null;
  }

  /** Who the note is for: the customs agency, the broker who lodged (and their language), the importer's company. */
  async function parties(note: ReleaseNote) {
    const agency = await db.selectFrom('agencies').select(['id', 'names']).where('code', '=', CUSTOMS_AGENCY).executeTakeFirst();
    if (!agency) throw new Error(`agency ${CUSTOMS_AGENCY} is unknown`);
    const broker = note.createdBy ? await db.selectFrom('users').select(['id', 'locale']).where('id', '=', note.createdBy).executeTakeFirst() : undefined;
    // The holder is named by tax id; a company registered on the platform holds the note for all its users.
    const company = await db.selectFrom('companies').select('id').where('tax_id', '=', note.holder.taxId).executeTakeFirst();
    return { agency, broker: broker ?? null, companyId: company?.id ?? null };
  }

  async function issueReleaseNote(note: ReleaseNote, context: ChangeContext = ISSUER, now = new Date()): Promise<DocumentSummary> {
    const already = await releaseNoteOfDeclaration(note.declarationId);
    if (already) return already;
    const { agency, broker, companyId } = await parties(note);
    const identity = { id: randomUUID(), number: await nextNumber(db, CUSTOMS_AGENCY, now), agency: { code: CUSTOMS_AGENCY, names: agency.names }, issuedAt: now };
    const locale = broker?.locale;
    const draft = releaseNoteDraft(note, isLocale(locale) ? locale : 'fr', identity);
    const signer = await keys.signerFor(CUSTOMS_AGENCY, context);
    const payload = sealPayload(signedDocumentOf(draft), signer);
    const { pdf } = await renderDocumentPdf({ draft, country: deps.country.names, kid: signer.kid, verifyUrl, payload });
    const blob = await blobs.put(db, pdf, 'issued_document');
    await db.transaction().execute(async (trx) => {
      const linked = await trx
        .insertInto('release_notes')
        .values({ declaration_id: note.declarationId, document_id: draft.id })
        .onConflict((oc) => oc.column('declaration_id').doNothing())
        .returning('document_id')
        .executeTakeFirst();
      // Another delivery issued it meanwhile: nothing is written, its note stands.
      if (!linked) return;
      const links = { agencyId: agency.id, applicationId: null, paymentId: null, holderId: broker?.id ?? null, holderCompanyId: companyId, holderReference: note.holder.taxId };
      // The account that asked for it, as an application's applicant, is the broker who lodged.
      await recordIssued(trx, bus, context, { draft, links, kid: signer.kid, payload, pdfSha256: blob.sha256 }, { declarationId: note.declarationId, declarationReference: note.reference });
    });
    const issued = await releaseNoteOfDeclaration(note.declarationId);
    if (!issued) throw new Error(`release note ${draft.number} was neither inserted nor found`);
    return issued;
  }

  return { issueReleaseNote, releaseNoteOfDeclaration };
}
