import type { LocalisedText } from '../../platform/auth/schema.ts';
import type { PhytosanitaryCertificate } from './certificates.ts';

const DAY_MS = 86_400_000;

interface DemoCertificate {
  serial: number;
  exporter: [name: string, country: string];
  consignee: [name: string, country: string, taxId?: string];
  commodity: LocalisedText;
  hsCode: string;
  originCountry: string;
  /** Days from the register's first start. */
  issued: number;
  expires: number;
  status?: 'revoked';
}

const DEMO: DemoCertificate[] = [
  { serial: 101, exporter: ['Coopérative fruitière de la vallée du Kandara', 'KD'], consignee: ['Primeurs du Maghreb SA', 'MA'], commodity: { fr: 'Mangues fraîches', ar: 'مانجو طازج', en: 'Fresh mangoes' }, hsCode: '080450', originCountry: 'KD', issued: -3, expires: 27 },
  { serial: 102, exporter: ['Siam Rice Export Co., Ltd.', 'TH'], consignee: ['Kandara Riz Import SARL', 'KD', 'KD-2019-004512'], commodity: { fr: 'Riz blanchi', ar: 'أرز مبيض', en: 'Milled rice' }, hsCode: '100630', originCountry: 'TH', issued: -10, expires: 50 },
  { serial: 103, exporter: ['Les Jardins du Sahel SARL', 'KD'], consignee: ['Dakar Primeurs SARL', 'SN'], commodity: { fr: 'Oignons', ar: 'بصل', en: 'Onions' }, hsCode: '070310', originCountry: 'KD', issued: -40, expires: -10 },
  { serial: 104, exporter: ['Kandara Cacao SA', 'KD'], consignee: ['Cacao Trading BV', 'NL'], commodity: { fr: 'Fèves de cacao', ar: 'حبوب الكاكاو', en: 'Cocoa beans' }, hsCode: '180100', originCountry: 'KD', issued: -5, expires: 25, status: 'revoked' },
  { serial: 105, exporter: ['Semillas del Sur SA', 'ES'], consignee: ['Kandara Agro Intrants SARL', 'KD', 'KD-2020-001377'], commodity: { fr: 'Semences de maïs', ar: 'بذور الذرة', en: 'Maize seed' }, hsCode: '100510', originCountry: 'ES', issued: -2, expires: 88 },
];

/**
 * The certificates the demo register starts with, dated around its first start so that each case
 * shows: in force (on export, and on import for Kandara Riz Import SARL's rice), expired, revoked.
 */
export function demoCertificates(firstStart: Date): PhytosanitaryCertificate[] {
  const day = (offset: number) => new Date(firstStart.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
  return DEMO.map((c) => ({
    number: `KD-PHY-${firstStart.getUTCFullYear()}-${String(c.serial).padStart(6, '0')}`,
    exporter: { name: c.exporter[0], country: c.exporter[1] },
    consignee: { name: c.consignee[0], country: c.consignee[1], ...(c.consignee[2] ? { taxId: c.consignee[2] } : {}) },
    commodity: c.commodity,
    hsCode: c.hsCode,
    originCountry: c.originCountry,
    issuedOn: day(c.issued),
    expiresOn: day(c.expires),
    status: c.status ?? 'valid',
  }));
}
