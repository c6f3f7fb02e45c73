import { createHash } from 'node:crypto';
import type { Principal } from '../../../platform/auth/policy.ts';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import { localised, type DirectDocument, type PrintedField } from '../../documents/index.ts';
import { ARCHIVES_AGENCY } from '../access.ts';

export const DESTRUCTION_CERTIFICATE_TYPE = 'archive_destruction_certificate';

/** What was destroyed: each package with the files its residue keeps (path, size, SHA-256). */
export interface DestroyedPackage {
  identifier: string;
  source: string;
  retentionClass: string;
  files: { path: string; size: number; sha256: string }[];
}

/**
 * The SHA-256 of the residue's file lists in a canonical form (packages and files in order, JSON):
 * printed and signed on the certificate, so anyone holding the residue can show it is the one the
 * authority destroyed, and nothing was dropped from it since.
 */
export function residueDigest(packages: readonly DestroyedPackage[]): string {
  const canonical = [...packages]
    .sort((a, b) => (a.identifier < b.identifier ? -1 : 1))
    .map((p) => ({ identifier: p.identifier, files: [...p.files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => [f.path, f.size, f.sha256]) }));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * The destruction certificate, signed by the National Archives (ISO 15489-1 §9.9: evidence of
 * destruction is kept). Its first lines, which the QR signs, say under which decision and authority,
 * how many packages, and the residue's digest; then one line per package.
 */
export function destructionCertificate(input: { proposalId: string; reason: string; authority: Principal; packages: readonly DestroyedPackage[]; language: Locale; on: string }): DirectDocument {
  const line = (key: string, value: string): PrintedField => ({ label: localised(`archive.destructionCertificate.${key}`), value });
  const bytes = (p: DestroyedPackage) => p.files.reduce((sum, f) => sum + f.size, 0);
  return {
    agencyCode: ARCHIVES_AGENCY,
    type: DESTRUCTION_CERTIFICATE_TYPE,
    title: localised('archive.destructionCertificate.title'),
    language: input.language,
    holder: { name: input.authority.label, id: null, accountId: input.authority.kind === 'user' ? input.authority.id : null },
    fields: [
      line('decision', input.proposalId),
      line('authority', input.authority.label),
      line('packages', String(input.packages.length)),
      line('residueDigest', residueDigest(input.packages)),
      line('reason', input.reason),
      ...input.packages.map((p) => ({
        label: localised('archive.destructionCertificate.package'),
        value: `${p.identifier} · ${p.source} · ${p.retentionClass} · ${p.files.length} / ${bytes(p)} B`,
      })),
    ],
    validFrom: input.on,
    validUntil: null,
  };
}
