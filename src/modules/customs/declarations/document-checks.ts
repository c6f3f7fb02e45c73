import type { DeclarationInput, DocumentType } from './types.ts';

/**
 * Which agency service confirms a cited document (docs/customs/document-checks.md). Permits with a
 * quantity (licences, authorisations) are held in the issuing agency's permit register on
 * Guichet; phytosanitary certificates in the Ministry of Agriculture's own system. Commercial
 * invoices and certificates of origin have no issuing service to ask: customs checks them on paper.
 */
export type DocumentSource = { kind: 'permit'; provider: string } | { kind: 'phytosanitary'; provider: string };

const PERMIT_AGENCY: Partial<Record<DocumentType, string>> = { import_licence: 'COMMERCE', export_licence: 'COMMERCE', pharmaceutical_import_authorisation: 'HEALTH' };

export function sourceOf(type: DocumentType, country: string): DocumentSource | null {
  const agency = PERMIT_AGENCY[type];
  if (agency) return { kind: 'permit', provider: `${country}/GOV/${agency}` };
  if (type === 'phytosanitary_certificate') return { kind: 'phytosanitary', provider: `${country}/GOV/AGRICULTURE/phytosanitary` };
  return null;
}

/** One cited document and what its issuer said, as kept on the declaration. */
export interface DocumentCheck {
  type: DocumentType;
  reference: string;
  provider: string;
  /** Where it is cited: `items[0].documents[1]`… */
  paths: string[];
  status: 'confirmed' | 'refused' | 'awaiting';
  /** The declared quantity is held on the permit for this declaration until release. */
  held: boolean;
  problems: { code: string; params?: Record<string, string | number> }[];
  /** The issuer's answer, shown to the officer. */
  answer: Record<string, unknown> | null;
  /** Why it is awaiting: the service did not answer. */
  reason: string | null;
  checkedAt: string;
}

/** A cited document to ask about: every item citing it, their codes and quantities summed. */
export interface CitedGroup {
  type: DocumentType;
  reference: string;
  source: DocumentSource;
  paths: string[];
  /** The longest HS prefix all citing items share (a permit must cover them all). */
  hsCode: string;
  quantity: { amount: string; unit: string };
  netMassKg: string;
}

const commonPrefix = (codes: string[]) => codes.reduce((prefix, code) => {
  let n = 0;
  while (n < prefix.length && prefix[n] === code[n]) n += 1;
  return prefix.slice(0, n);
});

/** Up to six decimals, no float dust, no exponent. */
const decimal = (value: number) => String(Math.round(value * 1e6) / 1e6);

/** The documents of a declaration an issuing service must confirm, grouped by document. */
export function citedGroups(input: DeclarationInput, country: string): CitedGroup[] {
  const groups = new Map<string, { type: DocumentType; reference: string; source: DocumentSource; paths: string[]; items: DeclarationInput['items'] }>();
  input.items.forEach((item, itemIndex) => {
    item.documents.forEach((document, documentIndex) => {
      const source = sourceOf(document.type, country);
      if (!source) return;
      const key = `${document.type}\u0000${document.reference}`;
      const group = groups.get(key) ?? { type: document.type, reference: document.reference, source, paths: [], items: [] };
      group.paths.push(`items[${itemIndex}].documents[${documentIndex}]`);
      if (!group.items.includes(item)) group.items.push(item);
      groups.set(key, group);
    });
  });
  return [...groups.values()].map(({ items, ...group }) => {
    const units = new Set(items.map((i) => i.quantity.unit));
    const netMass = items.reduce((sum, i) => sum + Number(i.netMassKg), 0);
    // Items in different units are summed by their net mass.
    const quantity = units.size === 1 ? { amount: decimal(items.reduce((sum, i) => sum + Number(i.quantity.amount), 0)), unit: [...units][0]! } : { amount: decimal(netMass), unit: 'KGM' };
    return { ...group, hsCode: commonPrefix(items.map((i) => i.hsCode.replace(/[.\s]/g, ''))), quantity, netMassKg: decimal(netMass) };
  });
}

type Problem = DocumentCheck['problems'][number];

/** What is wrong with a permit according to its register's answer (contract: modules/permits/contract.ts). */
export function permitProblems(answer: Record<string, unknown>): Problem[] {
  if (answer.found !== true) return [{ code: 'declaration_document_not_found' }];
  const problems: Problem[] = [];
  if (answer.status !== 'valid') problems.push({ code: `declaration_document_${String(answer.status)}`, ...(answer.validUntil ? { params: { validUntil: String(answer.validUntil) } } : {}) });
  if (answer.holderMatches === false) problems.push({ code: 'declaration_document_other_holder' });
  if (answer.coversGoods === false) problems.push({ code: 'declaration_document_goods_not_covered' });
  if (answer.requested === null) problems.push({ code: 'declaration_document_unit_mismatch', params: { unit: String(answer.unit) } });
  else if (answer.enough === false) problems.push({ code: 'declaration_document_quantity_insufficient', params: { requested: Number(answer.requested), available: Number(answer.available), unit: String(answer.unit) } });
  return problems;
}

/**
 * What is wrong with a phytosanitary certificate according to the ministry's register (its
 * check-certificate v1). The consignee must be the importer; on an export the consignee is the
 * foreign buyer, so `holderTaxId` is not given.
 */
export function certificateProblems(answer: Record<string, unknown>, holderTaxId: string | undefined): Problem[] {
  if (answer.found !== true) return [{ code: 'declaration_document_not_found' }];
  const problems: Problem[] = [];
  if (answer.status !== 'valid') problems.push({ code: `declaration_document_${String(answer.status)}`, ...(answer.expiresOn ? { params: { validUntil: String(answer.expiresOn) } } : {}) });
  if (holderTaxId !== undefined && typeof answer.consigneeTaxId === 'string' && answer.consigneeTaxId !== holderTaxId) problems.push({ code: 'declaration_document_other_holder' });
  if (answer.matchesHsCode === false) problems.push({ code: 'declaration_document_goods_not_covered' });
  return problems;
}

/** Who must hold the documents: the importer, or the exporter of an export. */
export const holderOf = (input: DeclarationInput) => (input.regime === 'export' ? input.exporter?.taxId : input.importer?.taxId);
