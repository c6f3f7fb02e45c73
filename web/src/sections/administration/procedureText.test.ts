import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import shippedText from '../../../../procedures/import-export-card.v1.yaml?raw';
import { definitionText, nextVersionDraft, readDefinitionText, definitionSpots, type DefinitionObject } from './procedureText';

const shipped = parse(shippedText) as DefinitionObject & { version: number };

describe('a procedure definition as text', () => {
  it('reads back what it wrote, in YAML and in JSON, Arabic labels and all', () => {
    for (const format of ['yaml', 'json'] as const) {
      expect(readDefinitionText(definitionText(shipped, format))).toEqual({ ok: true, definition: shipped });
    }
    const json = fc.jsonValue().filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
    fc.assert(
      fc.property(json, fc.constantFrom('yaml' as const, 'json' as const), (value, format) => {
        // JSON has no -0; YAML and JSON.parse both read it back as 0.
        const normalised = JSON.parse(JSON.stringify(value)) as DefinitionObject;
        expect(readDefinitionText(definitionText(normalised, format))).toEqual({ ok: true, definition: normalised });
      }),
    );
  });

  it('starts the next version from the current one, numbered one more', () => {
    const draft = readDefinitionText(nextVersionDraft(shipped));
    expect(draft).toEqual({ ok: true, definition: { ...shipped, version: shipped.version + 1 } });
  });

  it('places a syntax error by line and column, and refuses what is not an object', () => {
    expect(readDefinitionText('id: a\nversion: [1, 2\nagency: X\n')).toMatchObject({ ok: false, problem: 'syntax', line: 3 });
    expect(readDefinitionText('{\n  "id": "a",\n  "version": 2\n')).toMatchObject({ ok: false, problem: 'syntax' });
    expect(readDefinitionText('id: a\nid: b\n')).toMatchObject({ ok: false, problem: 'syntax', line: 2 });
    expect(readDefinitionText('- a\n- b\n')).toEqual({ ok: false, problem: 'not_an_object' });
    expect(readDefinitionText('  \n')).toEqual({ ok: false, problem: 'empty' });
  });

  it('finds the value a server path points at, in YAML and in JSON', () => {
    for (const format of ['yaml', 'json'] as const) {
      const text = definitionText(shipped, format);
      const spot = definitionSpots(text)('/workflow/transitions/4/to');
      expect(spot && text.slice(spot.start, spot.end)).toMatch(/^"?approved"?$/);
      expect(text.split('\n')[(spot?.line ?? 0) - 1]).toContain('approved');
    }
  });

  it('falls back to the deepest value that exists, and decodes ~1 and ~0', () => {
    const text = 'form:\n  labels:\n    a/b~c:\n      fr: A\n';
    const escaped = definitionSpots(text)('/form/labels/a~1b~0c/fr');
    expect(escaped && text.slice(escaped.start, escaped.end)).toBe('A');
    expect(definitionSpots(text)('/form/labels/missing')?.line).toBe(3);
    expect(definitionSpots(text)('/')?.line).toBe(1);
    expect(definitionSpots('id: [unclosed\n')('/id')).toBeNull();
  });
});
