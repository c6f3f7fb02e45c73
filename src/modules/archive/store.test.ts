import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeArchiveStore } from '../../../test/archive/store-contract.ts';
import { contentPath } from './digest.ts';
import { dublinCoreXml, jsonFile, type PackageSource } from './package.ts';
import { createFileArchiveStore, type ArchiveStore } from './store.ts';

describeArchiveStore('filesystem', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'guichet-archive-store-'));
  const rootOf = (store: ArchiveStore) => path.join(dir, store.name);
  const at = (store: ArchiveStore, sha256: string) => path.join(rootOf(store), contentPath(sha256));
  return {
    primary: createFileArchiveStore({ name: 'primary', root: path.join(dir, 'primary') }),
    replica: createFileArchiveStore({ name: 'replica', root: path.join(dir, 'replica') }),
    stored: (store, sha256) => fs.readFile(at(store, sha256)).catch(() => undefined),
    async damage(store, sha256, bytes) {
      await fs.mkdir(path.dirname(at(store, sha256)), { recursive: true });
      await fs.writeFile(at(store, sha256), bytes);
    },
    held: async (store) => (await fs.readdir(rootOf(store), { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).length,
    incoming: (store) => path.join(rootOf(store), 'incoming'),
    dispose: () => fs.rm(dir, { recursive: true, force: true }),
  };
});

describe('Dublin Core description', () => {
  it('escapes what it quotes and gives every language its title', () => {
    const source: PackageSource = {
      sourceType: 'application',
      sourceId: 'a1',
      reference: 'KD-COM-2026-000001',
      agencyCode: 'COMMERCE',
      retentionClass: 'commerce-licences-10y',
      description: { title: { fr: 'Licence <import> & export', ar: 'رخصة استيراد', en: 'Import licence' }, creator: { fr: 'Ministère du Commerce', ar: 'وزارة التجارة', en: 'Ministry of Commerce' }, subject: 'import-licence', date: '2026-11-20T10:00:00.000Z', type: 'Collection', language: ['fr'] },
      files: [jsonFile('data/form.json', 'form', {})],
    };
    const xml = dublinCoreXml('KD-ARC-2026-000001', source, 'restricted');
    expect(xml).toContain('<dc:title xml:lang="fr">Licence &lt;import&gt; &amp; export</dc:title>');
    expect(xml).toContain('<dc:title xml:lang="ar">رخصة استيراد</dc:title>');
    expect(xml).toContain('<dc:rights>access: restricted; retention: commerce-licences-10y</dc:rights>');
    expect(xml).toContain('<dc:format>application/json</dc:format>');
  });
});
