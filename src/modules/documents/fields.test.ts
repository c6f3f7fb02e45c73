import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ProcedureDefinition } from '../catalogue/index.ts';
import { keyFieldIndexes, printedFields, SIGNED_FIELDS_BUDGET } from './fields.ts';

const shipped = (id: string) => parse(fs.readFileSync(path.join(import.meta.dirname, '../../../procedures', `${id}.v1.yaml`), 'utf8')) as ProcedureDefinition;

describe('the fields a document prints', () => {
  it('reads nested groups with their labels, choice values by their labels, dates in the language', () => {
    const birth = shipped('birth-certificate-copy');
    const data = {
      person: { birthDate: '2019-04-02', lastName: 'Ndiaye', firstNames: 'Awa', birthPlace: 'Kandara-Ville', fatherName: 'Moussa Ndiaye', motherName: 'Fatou Sow' },
      registration: { registryOffice: 'Kandara-Centre', year: 2019 },
      copyType: 'extract',
    };
    const fr = printedFields(birth, data, 'fr');
    // The form's order (the schema's), whatever the order of the stored JSON.
    expect(fr.slice(0, 3)).toEqual([
      { label: { fr: 'Nom', ar: 'اللقب', en: 'Surname' }, value: 'Ndiaye' },
      { label: { fr: 'Prénoms', ar: 'الاسم', en: 'Given names' }, value: 'Awa' },
      { label: { fr: 'Date de naissance', ar: 'تاريخ الميلاد', en: 'Date of birth' }, value: '2 avril 2019' },
    ]);
    expect(fr.find((f) => f.label.en.startsWith('Type of document'))?.value).toBe(birth.form.options?.copyType?.extract?.fr);
    expect(birth.form.options?.copyType?.extract?.fr).toBeTruthy();
    expect(printedFields(birth, data, 'ar').find((f) => f.label.en === 'Date of birth')?.value).toBe('2 أبريل 2019');
    // Numbers in Western digits, without grouping surprises for years.
    expect(fr.find((f) => f.label.fr.startsWith('Année'))?.value).toBe('2019');
  });

  it('numbers the items of a list of groups, and leaves out what was not filled in', () => {
    const origin = shipped('certificate-of-origin');
    const fields = printedFields(origin, origin.form.example, 'en');
    const goods = fields.filter((f) => /\(\d\)$/.test(f.label.en));
    const items = (origin.form.example as { goods: unknown[] }).goods.length;
    expect(items).toBeGreaterThan(1);
    expect(goods.some((f) => f.label.en.endsWith(`(${items})`))).toBe(true);
    expect(fields.every((f) => f.value !== '')).toBe(true);
  });

  it('prints every shipped document from its example in each language', () => {
    for (const id of ['apprenticeship-certificate', 'birth-certificate-copy', 'certificate-of-origin', 'criminal-record-extract', 'food-marketing-authorisation', 'import-export-card', 'import-licence', 'pharmaceutical-import-authorisation', 'phytosanitary-certificate']) {
      const definition = shipped(id);
      for (const language of ['fr', 'ar', 'en'] as const) {
        const fields = printedFields(definition, definition.form.example, language);
        expect(fields.length, `${id} ${language}`).toBeGreaterThan(0);
        // No field falls back to its path for want of a label.
        expect(fields.filter((f) => f.label.fr === f.label.en && /[.[]/.test(f.label.fr)), `${id} ${language}`).toEqual([]);
      }
    }
  });
});

describe('the key fields the QR payload signs', () => {
  it('takes fields in order within the budget, skipping one that does not fit', () => {
    const small = (n: number) => ({ label: `Field ${n}`, value: `v${n}` });
    const tooLong = { label: 'Goods', value: 'x'.repeat(81) };
    const third = { label: 'Remarks', value: 'y'.repeat(Math.floor(SIGNED_FIELDS_BUDGET / 3)) };
    // Two thirds fit after the small field; a third third would overflow, the small one after it still fits.
    expect([...keyFieldIndexes([small(0), tooLong, third, third, third, small(5)])]).toEqual([0, 2, 3, 5]);
    expect(keyFieldIndexes([]).size).toBe(0);
  });
});
