import type { EventBus } from '../../platform/events/index.ts';
import type { IssuanceSource } from '../cases/index.ts';
import type { DocumentSummary, DocumentTopics } from '../documents/index.ts';
import { ExchangeRefusal, type Exchange } from '../exchange/index.ts';

/**
 * The Ministry of Agriculture keeps its phytosanitary register in a system of its own (an exchange
 * member); customs asks that system about every certificate cited. A certificate issued on Guichet
 * is therefore recorded there too, or customs would be told it does not exist.
 */
export const RECORD_CERTIFICATE = { service: 'record-certificate', version: 'v1' };
const NO_REGISTER = new Set(['unknown_member', 'unknown_service']);
export const certificateRegisterOf = (country: string) => `${country}/GOV/AGRICULTURE/phytosanitary`;

interface GoodsLine {
  hsCode: string;
  description: string;
}

/** The longest HS code every goods line starts with: the certificate covers all of them. */
function commonHsCode(goods: readonly GoodsLine[]): string {
  const codes = goods.map((g) => g.hsCode);
  let prefix = codes[0] ?? '';
  for (const code of codes) while (!code.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.length >= 4 ? prefix : (codes[0] ?? '');
}

/**
 * What the register records of an issued certificate (procedures/phytosanitary-certificate.v1.yaml):
 * on import the applicant is the consignee, named by its tax id so customs can check the importer
 * holds it; on export the applicant is the exporter. Null when the form lacks goods.
 */
export function certificateRecord(document: DocumentSummary, source: Pick<IssuanceSource, 'data' | 'company'>, country: string) {
  const data = source.data as { direction?: string; operatorName?: string; taxId?: string; consignee?: { name: string; country: string }; originCountry?: string; goods?: GoodsLine[] };
  if (!data.goods?.length || !data.consignee || !data.originCountry || !document.validUntil) return null;
  const importing = data.direction === 'import';
  const operator = { name: source.company?.name ?? data.operatorName ?? document.holderName, country };
  const description = data.goods.map((g) => g.description).join('; ').slice(0, 300);
  return {
    number: document.number,
    exporter: importing ? { name: '', country: data.originCountry } : operator,
    consignee: { name: data.consignee.name, country: data.consignee.country, ...(importing ? { taxId: source.company?.taxId ?? data.taxId ?? '' } : {}) },
    commodity: { fr: description, ar: description, en: description },
    hsCode: commonHsCode(data.goods),
    originCountry: data.originCountry,
    issuedOn: document.validFrom,
    expiresOn: document.validUntil,
  };
}

export interface CertificateSources {
  exchange: Pick<Exchange, 'call'>;
  country: string;
  issuedDocument(id: string): Promise<DocumentSummary | null>;
  issuanceSource(applicationId: string): Promise<IssuanceSource>;
}

/**
 * Records each phytosanitary certificate Guichet issues in the ministry's register, from the outbox:
 * while the register is down the delivery is retried with backoff, and recording one twice changes
 * nothing there.
 */
export function forwardCertificatesToRegister(bus: EventBus<DocumentTopics>, sources: CertificateSources): void {
  bus.subscribe('document.issued', 'permits.forward_certificate', async ({ payload }) => {
    if (payload.type !== 'phytosanitary_certificate' || !payload.applicationId) return;
    const document = await sources.issuedDocument(payload.documentId);
    const record = document && certificateRecord(document, await sources.issuanceSource(payload.applicationId), sources.country);
    if (!record) return;
    const answer = await sources.exchange
      .call({ client: `${sources.country}/GOV/AGRICULTURE`, provider: certificateRegisterOf(sources.country), ...RECORD_CERTIFICATE, body: record, case: record.number })
      .catch((error: unknown) => {
        // An instance whose ministry keeps no register of its own on the exchange has nowhere to record it.
        if (error instanceof ExchangeRefusal && NO_REGISTER.has(error.code)) return null;
        throw error;
      });
    if (answer && answer.status !== 200) throw new Error(`the certificate register answered ${answer.status} to ${record.number}`);
  });
}
