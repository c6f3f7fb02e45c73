import type { LocalisedText } from '../../platform/auth/schema.ts';
import { isLocale, translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { IssuanceSource } from '../cases/index.ts';
import type { PaymentSucceeded } from '../payments/events.ts';
import type { SignedDocument } from './claims.ts';
import { keyFieldIndexes, printedFields, type PrintedField } from './fields.ts';
import { formatAmount, formatDay, localised } from './formats.ts';
import type { DocumentField } from './schema.ts';
import { dayOf, validUntil } from './validity.ts';

/** Everything a document says, before it is signed and drawn. */
export interface DocumentDraft {
  id: string;
  number: string;
  kind: 'document' | 'receipt';
  type: string;
  title: LocalisedText;
  language: Locale;
  agency: { code: string; names: LocalisedText };
  holder: { name: string; id: string | null };
  fields: DocumentField[];
  /** Whole seconds: the payload's `iat` has no finer grain. */
  issuedAt: Date;
  validFrom: string;
  validUntil: string | null;
}

/** What a draft needs that the caller allocates: identity, number, issuing agency and time. */
export interface DraftIdentity {
  id: string;
  number: string;
  agency: { code: string; names: LocalisedText };
  issuedAt: Date;
}

export const RECEIPT_TYPE = 'payment_receipt';

const languageOf = (locale: string | undefined): Locale => (isLocale(locale) ? locale : 'fr');
const wholeSeconds = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000);

/** Marks the key fields: the ones the QR payload carries (fields.ts decides which fit). */
function withKeyFields(fields: PrintedField[], language: Locale): DocumentField[] {
  const signed = keyFieldIndexes(fields.map((f) => ({ label: f.label[language], value: f.value })));
  return fields.map((field, index) => ({ ...field, signed: signed.has(index) }));
}

/** The document a decided file earns, from its pinned definition's `document` and its form data. */
export function applicationDraft(source: IssuanceSource, identity: DraftIdentity): DocumentDraft {
  const spec = source.definition.document;
  if (!spec) throw new Error(`procedure ${source.procedureId} v${source.procedureVersion} issues no document`);
  const language = languageOf(source.applicant.locale);
  const issuedAt = wholeSeconds(identity.issuedAt);
  const validFrom = dayOf(source.decidedAt ? new Date(source.decidedAt) : issuedAt);
  return {
    ...identity,
    issuedAt,
    kind: 'document',
    type: spec.type,
    title: spec.title,
    language,
    holder: source.company ? { name: source.company.name, id: source.company.taxId } : { name: source.applicant.name, id: null },
    fields: withKeyFields(printedFields(source.definition, source.data, language), language),
    validFrom,
    validUntil: validUntil(validFrom, spec.validityMonths),
  };
}

/** A payment receipt, in the payer's language; it has no end date. */
export function receiptDraft(payment: PaymentSucceeded, payer: { name: string; locale: string } | null, identity: DraftIdentity): DocumentDraft {
  const language = languageOf(payer?.locale);
  const line = (key: string, value: string): PrintedField => ({ label: localised(`documents.receipt.${key}`), value });
  const fields: PrintedField[] = [
    ...(payment.reference ? [line('reference', payment.reference)] : []),
    line('receiptNumber', payment.receiptNumber),
    line('amount', formatAmount(payment.amount, payment.currency, language)),
    ...payment.lines.map((l) => ({ label: l.label, value: formatAmount(l.amount, payment.currency, language) })),
    line('channel', translate(language, `documents.receipt.${payment.provider}`)),
    line('providerReference', payment.providerReference),
    line('paidAt', formatDay(dayOf(new Date(payment.paidAt)), language)),
  ];
  return {
    ...identity,
    issuedAt: wholeSeconds(identity.issuedAt),
    kind: 'receipt',
    type: RECEIPT_TYPE,
    title: localised('documents.receipt.title'),
    language,
    holder: { name: payer?.name ?? translate(language, 'documents.receipt.payerUnknown'), id: null },
    fields: withKeyFields(fields, language),
    validFrom: dayOf(new Date(payment.paidAt)),
    validUntil: null,
  };
}

/** What the QR payload signs of a draft. */
export function signedDocumentOf(draft: DocumentDraft): SignedDocument {
  return {
    id: draft.id,
    issuer: draft.agency.code,
    number: draft.number,
    type: draft.type,
    language: draft.language,
    holder: draft.holder,
    fields: draft.fields.filter((f) => f.signed).map((f) => ({ label: f.label[draft.language], value: f.value })),
    issuedAt: draft.issuedAt,
    validFrom: draft.validFrom,
    validUntil: draft.validUntil,
  };
}
