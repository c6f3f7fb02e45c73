import type { CertificateOfOriginMessage } from './crossborder-schemas.ts';

/** The issued certificate as the sending side holds it. */
export interface IssuedCertificate {
  id: string;
  number: string;
  payload: string;
}

interface OriginGoodsLine {
  hsCode: string;
  description: string;
  quantity: number;
  unit: string;
  grossWeightKg?: number;
  originCriterion?: string;
}

/** The data of a certificate-of-origin file (procedures/certificate-of-origin.v1.yaml). */
export interface CertificateFileData {
  exporterName: string;
  taxId?: string;
  exporterAddress: string;
  consignee: { name: string; address: string };
  destinationCountry: string;
  goods: OriginGoodsLine[];
}

/**
 * The message a certificate of origin travels in: the signed payload (what the receiving customs
 * verifies with the issuer's published keys), and the file's data customs work with — exporter,
 * consignee, destination and goods lines by HS code. Only the payload is signed by the issuer; the
 * rest is covered by the exchange message's own signature.
 */
export function certificateOfOriginMessage(certificate: IssuedCertificate, data: CertificateFileData, issuer: string): CertificateOfOriginMessage {
  return {
    payload: certificate.payload,
    documentId: certificate.id,
    number: certificate.number,
    issuer,
    exporter: { name: data.exporterName, taxId: data.taxId ?? null, address: data.exporterAddress },
    consignee: { name: data.consignee.name, address: data.consignee.address },
    destinationCountry: data.destinationCountry,
    goods: data.goods.map((line) => ({
      hsCode: line.hsCode,
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      ...(line.grossWeightKg !== undefined ? { grossWeightKg: line.grossWeightKg } : {}),
      ...(line.originCriterion !== undefined ? { originCriterion: line.originCriterion } : {}),
    })),
  };
}
