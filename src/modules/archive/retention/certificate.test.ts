import { describe, expect, it } from 'vitest';
import { residueDigest, type DestroyedPackage } from './certificate.ts';

const pkg = (identifier: string, paths: string[]): DestroyedPackage => ({
  identifier,
  source: 'KD-2016-000001',
  retentionClass: 'commerce-licences-10y',
  files: paths.map((path, i) => ({ path, size: 100 + i, sha256: String(i).repeat(64) })),
});

describe('residue digest', () => {
  it('does not depend on the order packages and files are listed in', () => {
    const a = pkg('KD-ARC-2016-000001', ['data/form.json', 'data/decision.json']);
    const b = pkg('KD-ARC-2016-000002', ['metadata/dublin-core.xml']);
    const reordered = { ...a, files: [...a.files].reverse() };
    expect(residueDigest([a, b])).toBe(residueDigest([b, reordered]));
  });

  it('changes when a file is dropped from the residue or its hash differs', () => {
    const a = pkg('KD-ARC-2016-000001', ['data/form.json', 'data/decision.json']);
    const digest = residueDigest([a]);
    expect(residueDigest([{ ...a, files: a.files.slice(1) }])).not.toBe(digest);
    expect(residueDigest([{ ...a, files: [{ ...a.files[0]!, sha256: 'f'.repeat(64) }, a.files[1]!] }])).not.toBe(digest);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
  });
});
