import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archivedPaths, safeSegment } from './archived-paths.ts';

/** archive_files.path's check constraint (migration 0030). */
const ARCHIVE_PATH = /^(data|metadata)\/[A-Za-z0-9._/-]+$/;

describe('archivedPaths', () => {
  it('keeps names that are already safe and spells the others in the archive characters', () => {
    const mapped = archivedPaths(['letter.txt', 'scans/page 1.tif', 'données/été.pdf', 'بيان.pdf', '../x', '.hidden'], 'data/');
    expect(Object.fromEntries(mapped)).toEqual({
      'letter.txt': 'data/letter.txt',
      'scans/page 1.tif': 'data/scans/page-1.tif',
      'données/été.pdf': 'data/donnees/ete.pdf',
      'بيان.pdf': 'data/pdf',
      '../x': 'data/file/x',
      '.hidden': 'data/hidden',
    });
  });

  it('never gives two files one name, a safe name keeping its own, case ignored', () => {
    const mapped = archivedPaths(['page 1.txt', 'page-1.txt', 'Page-1.txt', 'a b/one', 'a-b/two'], 'data/');
    expect(mapped.get('Page-1.txt')).toBe('data/Page-1.txt');
    expect(mapped.get('page-1.txt')).toBe('data/page-1-2.txt');
    expect(mapped.get('page 1.txt')).toBe('data/page-1-3.txt');
    expect(mapped.get('a-b/two')).toBe('data/a-b/two');
    expect(mapped.get('a b/one')).toBe('data/a-b-2/one');
  });

  it('shortens a very long name and keeps its extension', () => {
    const name = safeSegment(`${'x'.repeat(300)}.pdf`);
    expect(name).toHaveLength(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('maps any set of names to distinct paths the archive accepts, one directory to one name', () => {
    const segment = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'A', 'é', ' ', '.', '-', '_', 'ب', '%', '\\', ':', '1') });
    const paths = fc.uniqueArray(fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')), { maxLength: 20 });
    fc.assert(
      fc.property(paths, (originals) => {
        // A file system has no file that is also a directory: drop such originals as a bag cannot hold them.
        const files = originals.filter((p) => !originals.some((q) => q.startsWith(`${p}/`)));
        const mapped = archivedPaths(files, 'data/');
        expect(mapped.size).toBe(files.length);
        const lower = [...mapped.values()].map((p) => p.toLowerCase());
        expect(new Set(lower).size).toBe(lower.length);
        for (const [original, archived] of mapped) {
          expect(archived).toMatch(ARCHIVE_PATH);
          expect(archived).not.toContain('..');
          expect(archived.split('/')).toHaveLength(original.split('/').length + 1);
        }
        const directoryOf = (p: string) => p.split('/').slice(0, -1).join('/');
        for (const a of files) {
          for (const b of files) {
            if (directoryOf(a) === directoryOf(b)) expect(directoryOf(mapped.get(a) as string)).toBe(directoryOf(mapped.get(b) as string));
          }
        }
      }),
    );
  });
});
