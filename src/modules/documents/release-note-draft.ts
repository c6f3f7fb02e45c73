import type { LocalisedText } from '../../platform/auth/schema.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { ReleaseNote } from '../customs/index.ts';
import type { DocumentDraft, DraftIdentity } from './draft.ts';
import { keyFieldIndexes, type PrintedField } from './fields.ts';
import { formatAmount, formatDay, formatNumber, localised, oneLine } from './formats.ts';
import { dayOf } from './validity.ts';

export const RELEASE_NOTE_TYPE = 'customs_release_note';

const label = (key: string): LocalisedText => localised(`documents.releaseNote.${key}`);

/** A goods line's label, numbered when the declaration has several (as a form's list of groups prints). */
const itemLabel = (key: string, ordinal: number | null): LocalisedText => {
  const text = label(key);
  return ordinal === null ? text : { fr: `${text.fr} (${ordinal})`, ar: `${text.ar} (${ordinal})`, en: `${text.en} (${ordinal})` };
};

/** A quantity as declared (an exact decimal), with the language's decimal sign. */
function quantityOf(amount: string, unit: string, language: Locale): string {
  const value = Number(amount);
  return `${Number.isFinite(value) ? formatNumber(value, language) : amount} ${unit}`;
}

/**
 * The release note (bon à enlever) of a released declaration, issued by customs to the importer
 * (the exporter of an export) in the language of the broker who lodged it. The order of its lines
 * is the order the QR payload signs them in, as far as they fit (fields.ts): what a gate officer
 * checks first — which declaration, released when, what was paid — then the office, the regime,
 * the declarant and the goods. It has no end date: the goods are released once.
 */
export function releaseNoteDraft(note: ReleaseNote, language: Locale, identity: DraftIdentity): DocumentDraft {
  const releasedOn = dayOf(new Date(note.releasedAt));
  const line = (key: string, value: string): PrintedField => ({ label: label(key), value });
  const several = note.items.length > 1;
  const fields: PrintedField[] = [
    line('reference', note.reference),
    line('releasedAt', formatDay(releasedOn, language)),
    line('totalPaid', formatAmount(note.totalPaid, note.currency, language)),
    ...(note.receiptNumber ? [line('receiptNumber', note.receiptNumber)] : []),
    line('office', note.officeCode),
    line('regime', translate(language, `customs.risk.regime.${note.regime}`)),
    line('declarant', `${note.declarant.name} (${note.declarant.taxId})`),
    ...note.items.flatMap((item, index) => {
      const ordinal = several ? index + 1 : null;
      return [
        { label: itemLabel('hsCode', ordinal), value: item.hsCode },
        { label: itemLabel('description', ordinal), value: oneLine(item.description) },
        { label: itemLabel('quantity', ordinal), value: quantityOf(item.quantity, item.unit, language) },
      ];
    }),
  ];
  const signed = keyFieldIndexes(fields.map((f) => ({ label: f.label[language], value: f.value })));
  return {
    ...identity,
    // Whole seconds: the payload's `iat` has no finer grain.
    issuedAt: new Date(Math.floor(identity.issuedAt.getTime() / 1000) * 1000),
    kind: 'document',
    type: RELEASE_NOTE_TYPE,
    title: label('title'),
    language,
    holder: { name: note.holder.name, id: note.holder.taxId },
    fields: fields.map((field, index) => ({ ...field, signed: signed.has(index) })),
    validFrom: releasedOn,
    validUntil: null,
  };
}
