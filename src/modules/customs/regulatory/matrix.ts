import type { DeclarationItemInput, DocumentType, Regime } from '../declarations/types.ts';

/** One line of the regulatory matrix: goods under `hsPrefix`, in `regime` (any when null), from `origin` (any when null), need `documentType` issued by `agencyCode`. */
export interface RegulatoryRule {
  id: string;
  hsPrefix: string;
  regime: Regime | null;
  origin: string | null;
  documentType: DocumentType;
  agencyCode: string;
}

export interface RequiredDocument {
  documentType: DocumentType;
  agencyCode: string;
  /** The rules that ask for it (several prefixes may, e.g. chapter 10 and heading 1006). */
  ruleIds: string[];
}

/** The documents an item needs, one per document type, whatever the number of rules that ask for it. */
export function requiredDocuments(item: Pick<DeclarationItemInput, 'hsCode' | 'origin'>, regime: Regime, rules: readonly RegulatoryRule[]): RequiredDocument[] {
  const digits = item.hsCode.replace(/[.\s]/g, '');
  const byType = new Map<DocumentType, RequiredDocument>();
  for (const rule of rules) {
    if (!digits.startsWith(rule.hsPrefix)) continue;
    if (rule.regime !== null && rule.regime !== regime) continue;
    if (rule.origin !== null && rule.origin !== item.origin) continue;
    const required = byType.get(rule.documentType);
    if (required) required.ruleIds.push(rule.id);
    else byType.set(rule.documentType, { documentType: rule.documentType, agencyCode: rule.agencyCode, ruleIds: [rule.id] });
  }
  return [...byType.values()];
}

export interface MissingDocument {
  itemIndex: number;
  documentType: DocumentType;
  agencyCode: string;
}

/** Required documents an item does not cite; a declaration with any cannot be lodged. */
export function missingDocuments(items: readonly DeclarationItemInput[], regime: Regime, rules: readonly RegulatoryRule[]): MissingDocument[] {
  return items.flatMap((item, itemIndex) =>
    requiredDocuments(item, regime, rules)
      .filter((required) => !item.documents.some((cited) => cited.type === required.documentType))
      .map((required) => ({ itemIndex, documentType: required.documentType, agencyCode: required.agencyCode })),
  );
}
