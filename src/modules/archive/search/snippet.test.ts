import { describe, expect, it } from 'vitest';
import { snippetParts } from './query.ts';
import { normaliseForSearch } from './text.ts';

describe('search text', () => {
  it('splits a headline into plain parts with the matched words flagged', () => {
    expect(snippetParts('Le dossier de \u0002dédouanement\u0003 des <b>marchandises</b> \u0002port\u0003')).toEqual([
      { text: 'Le dossier de ', match: false },
      { text: 'dédouanement', match: true },
      { text: ' des <b>marchandises</b> ', match: false },
      { text: 'port', match: true },
    ]);
    expect(snippetParts('')).toEqual([]);
  });

  it('drops tatweel and harakat, composes accents and folds spaces', () => {
    expect(normaliseForSearch('الجـــمَارِك')).toBe('الجمارك');
    expect(normaliseForSearch('de\u0301douanement \n  port')).toBe('dédouanement port');
  });
});
