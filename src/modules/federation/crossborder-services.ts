import type { ChangeContext } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findMember, grantAccess, listAccessRights, listServices, registerService, type MemberView, type ServiceInput } from '../exchange/index.ts';
import { CertificateOfOriginMessage, DocumentStatusAnswer, DocumentStatusQuestion, ReceiptAnswer, TransitDeclarationMessage } from './crossborder-schemas.ts';

/** The members that speak for an instance across borders: its customs, and its ministry of commerce (certificates of origin). */
export const customsOf = (instance: string) => `${instance}/GOV/CUSTOMS`;
export const commerceOf = (instance: string) => `${instance}/GOV/COMMERCE`;

export const SERVICES = {
  certificateOfOrigin: { code: 'receive-certificate-of-origin', version: 'v1' },
  transitDeclaration: { code: 'receive-transit-declaration', version: 'v1' },
  documentStatus: { code: 'document-status', version: 'v1' },
} as const;

/** A TypeBox schema as the plain JSON Schema the registry stores. */
const plain = (schema: object) => JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;

interface CrossBorderService {
  provider: string;
  service: ServiceInput;
  /** The partner's members granted the right to call it. */
  clients: string[];
}

/**
 * What this instance offers a partner: its customs receives certificates of origin and transit
 * declarations from the partner's commerce ministry and customs, and its commerce ministry tells
 * the partner's customs whether a document it issued still holds.
 */
function servicesFor(own: string, partner: string): CrossBorderService[] {
  const senders = [commerceOf(partner), customsOf(partner)];
  return [
    {
      provider: customsOf(own),
      service: { ...SERVICES.certificateOfOrigin, title: { fr: "Réception d'un certificat d'origine", ar: 'استلام شهادة منشأ', en: 'Receive a certificate of origin' }, requestSchema: plain(CertificateOfOriginMessage), responseSchema: plain(ReceiptAnswer) },
      clients: senders,
    },
    {
      provider: customsOf(own),
      service: { ...SERVICES.transitDeclaration, title: { fr: "Réception d'une déclaration de transit", ar: 'استلام تصريح عبور', en: 'Receive a transit declaration' }, requestSchema: plain(TransitDeclarationMessage), responseSchema: plain(ReceiptAnswer) },
      clients: senders,
    },
    {
      provider: commerceOf(own),
      service: { ...SERVICES.documentStatus, title: { fr: "État d'un document délivré", ar: 'حالة وثيقة صادرة', en: 'Status of an issued document' }, requestSchema: plain(DocumentStatusQuestion), responseSchema: plain(DocumentStatusAnswer) },
      clients: [customsOf(partner)],
    },
  ];
}

async function memberOrNull(db: Db, identifier: string): Promise<MemberView | null> {
  try {
    return await findMember(db, identifier);
  } catch (error) {
    if (error instanceof AppError && error.code === 'member_not_found') return null;
    throw error;
  }
}

/**
 * Registers the cross-border services on this instance's members and grants them to the partner's
 * (mirrored) members, creating only what is missing, each through the registry's own audited
 * functions. Returns what could not be done: a member missing on either side.
 */
export async function ensureCrossBorderServices(db: Db, context: ChangeContext, own: string, partner: string): Promise<string[]> {
  const problems: string[] = [];
  const granted = await listAccessRights(db);
  for (const wanted of servicesFor(own, partner)) {
    const provider = await memberOrNull(db, wanted.provider);
    if (!provider) {
      problems.push(`no member ${wanted.provider} here to provide ${wanted.service.code}`);
      continue;
    }
    const { code, version } = wanted.service;
    const existing = (await listServices(db, provider.id)).find((s) => s.code === code && s.version === version);
    const service = existing ?? (await registerService(db, context, provider.id, wanted.service));
    for (const client of wanted.clients) {
      if (granted.some((r) => r.serviceId === service.id && r.client === client)) continue;
      if (!(await memberOrNull(db, client))) {
        problems.push(`${partner} publishes no member ${client} to grant ${code}`);
        continue;
      }
      await grantAccess(db, context, { serviceId: service.id, client });
    }
  }
  return problems;
}
