import type { LocalisedText } from '../../platform/auth/schema.ts';
import { DEMO_COUNTRY } from '../country.ts';
import type { PhytosanitaryCertificate } from './certificates.ts';

/**
 * What the Ministry of Agriculture's own certificate register is on the exchange: a subsystem of
 * the ministry with a system of its own (an `external_system`, answering at its own endpoint),
 * offering one service. The register and Guichet both read this contract: Guichet registers it,
 * the register checks each request against the same request schema.
 */

export const MINISTRY_SYSTEM = `${DEMO_COUNTRY.code}/GOV/AGRICULTURE/phytosanitary`;

export const MINISTRY_SYSTEM_NAMES: LocalisedText = {
  fr: "Registre des certificats phytosanitaires (ministère de l'Agriculture)",
  ar: 'سجل الشهادات الصحية النباتية (وزارة الفلاحة)',
  en: 'Phytosanitary certificate register (Ministry of Agriculture)',
};

/** Customs checks the certificate cited for a consignment of plants before clearing it. */
export const CERTIFICATE_CHECKERS = [`${DEMO_COUNTRY.code}/GOV/CUSTOMS`];

const CERTIFICATE_NUMBER = '^[A-Z0-9][A-Z0-9/-]{2,39}$';
const HS_CODE = '^[0-9]{4,10}$';
const ISO_DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

export const CHECK_CERTIFICATE = {
  code: 'check-certificate',
  version: 'v1',
  title: {
    fr: 'Vérifier un certificat phytosanitaire',
    ar: 'التحقق من شهادة صحية نباتية',
    en: 'Check a phytosanitary certificate',
  } satisfies LocalisedText,
  requestSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['certificateNumber'],
    properties: {
      certificateNumber: { type: 'string', pattern: CERTIFICATE_NUMBER },
      hsCode: { type: 'string', pattern: HS_CODE, description: 'the HS code declared for the consignment' },
    },
  },
  responseSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['certificateNumber', 'found'],
    properties: {
      certificateNumber: { type: 'string' },
      found: { type: 'boolean' },
      status: { enum: ['valid', 'expired', 'revoked'] },
      exporter: { type: 'string' },
      consigneeTaxId: { type: 'string', description: 'the tax id of the consignee, when the register knows it' },
      hsCode: { type: 'string', pattern: HS_CODE },
      expiresOn: { type: 'string', pattern: ISO_DATE },
      matchesHsCode: { type: 'boolean', description: 'present when the request named an HS code' },
    },
  },
};

/** Guichet's Agriculture agency, which issues certificates on the single window, records them here. */
export const CERTIFICATE_RECORDERS = [`${DEMO_COUNTRY.code}/GOV/AGRICULTURE`];

const COUNTRY = '^[A-Z]{2}$';
const PARTY = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'country'],
  properties: { name: { type: 'string', maxLength: 200 }, country: { type: 'string', pattern: COUNTRY }, taxId: { type: 'string', maxLength: 40 } },
};
const TEXT = { type: 'string', minLength: 1, maxLength: 300 };

/**
 * A certificate issued on Guichet after the ministry's inspection, entered in the ministry's own
 * register so that its answers to customs know it (the register stays the ministry's). Recording
 * a number already in the register changes nothing and says so.
 */
export const RECORD_CERTIFICATE = {
  code: 'record-certificate',
  version: 'v1',
  title: {
    fr: 'Inscrire un certificat phytosanitaire délivré sur Guichet',
    ar: 'تسجيل شهادة صحية نباتية صادرة عبر المنصة',
    en: 'Record a phytosanitary certificate issued on Guichet',
  } satisfies LocalisedText,
  requestSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['number', 'exporter', 'consignee', 'commodity', 'hsCode', 'originCountry', 'issuedOn', 'expiresOn'],
    properties: {
      number: { type: 'string', pattern: CERTIFICATE_NUMBER },
      exporter: PARTY,
      consignee: PARTY,
      commodity: { type: 'object', additionalProperties: false, required: ['fr', 'ar', 'en'], properties: { fr: TEXT, ar: TEXT, en: TEXT } },
      hsCode: { type: 'string', pattern: HS_CODE },
      originCountry: { type: 'string', pattern: COUNTRY },
      issuedOn: { type: 'string', pattern: ISO_DATE },
      expiresOn: { type: 'string', pattern: ISO_DATE },
    },
  },
  responseSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['certificateNumber', 'recorded'],
    properties: { certificateNumber: { type: 'string' }, recorded: { type: 'boolean', description: 'false when the register already held this number' } },
  },
};

export type RecordCertificateRequest = Omit<PhytosanitaryCertificate, 'status'>;

export interface RecordCertificateAnswer {
  certificateNumber: string;
  recorded: boolean;
}

export interface CheckCertificateRequest {
  certificateNumber: string;
  hsCode?: string;
}

export interface CheckCertificateAnswer {
  certificateNumber: string;
  found: boolean;
  status?: 'valid' | 'expired' | 'revoked';
  exporter?: string;
  consigneeTaxId?: string;
  hsCode?: string;
  expiresOn?: string;
  matchesHsCode?: boolean;
}
