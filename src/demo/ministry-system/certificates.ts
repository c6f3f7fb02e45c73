import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { CheckCertificateAnswer, CheckCertificateRequest } from './contract.ts';

/**
 * A phytosanitary certificate as the ministry's plant protection service keeps it (IPPC, ISPM 12):
 * issued after inspecting a consignment of plants or plant products, for one commodity, valid
 * until its expiry unless revoked.
 */
export interface PhytosanitaryCertificate {
  number: string;
  exporter: { name: string; country: string };
  /** The consignee's tax id in its country, when the register knows it: customs checks the importer holds the certificate. */
  consignee: { name: string; country: string; taxId?: string };
  commodity: LocalisedText;
  /** Harmonized System code of the commodity as certified (4 to 10 digits). */
  hsCode: string;
  originCountry: string;
  /** ISO dates (YYYY-MM-DD). */
  issuedOn: string;
  expiresOn: string;
  status: 'valid' | 'revoked';
}

/**
 * Whether the HS code declared for a consignment falls under the certificate's: national tariff
 * lines extend the 6-digit HS subheading, so a certificate for 100630 (milled rice) covers a
 * declaration under 10063010, but not one under 1006 (any rice) or 100640 (broken rice).
 */
export const hsCodeCovered = (certified: string, declared: string): boolean => declared.startsWith(certified);

/** What the register says about a certificate, as of `today` (YYYY-MM-DD): found or not, and in force or why not. */
export function checkCertificate(register: readonly PhytosanitaryCertificate[], request: CheckCertificateRequest, today: string): CheckCertificateAnswer {
  const certificate = register.find((c) => c.number === request.certificateNumber);
  if (!certificate) return { certificateNumber: request.certificateNumber, found: false };
  const status = certificate.status === 'revoked' ? 'revoked' : certificate.expiresOn < today ? 'expired' : 'valid';
  return {
    certificateNumber: certificate.number,
    found: true,
    status,
    exporter: certificate.exporter.name,
    ...(certificate.consignee.taxId ? { consigneeTaxId: certificate.consignee.taxId } : {}),
    hsCode: certificate.hsCode,
    expiresOn: certificate.expiresOn,
    ...(request.hsCode === undefined ? {} : { matchesHsCode: hsCodeCovered(certificate.hsCode, request.hsCode) }),
  };
}
