import { describe, expect, it } from 'vitest';
import type { ProcedureDefinition } from './definition';
import { formContextFor, placeProblems, uiSchemaFor } from './formUi';

const text = (fr: string) => ({ fr, ar: `ع ${fr}`, en: `en ${fr}` });

function definition(): ProcedureDefinition {
  return {
    id: 'test-permit',
    version: 1,
    agency: 'COMMERCE',
    title: text('Permis'),
    description: text('Un permis'),
    applicants: ['business'],
    form: {
      schema: {
        type: 'object',
        properties: {
          companyName: { type: 'string' },
          manager: { type: 'object', properties: { lastName: { type: 'string' } } },
          goods: { type: 'array', items: { type: 'object', properties: { hsCode: { type: 'string' } } } },
          chapters: { type: 'array', items: { type: 'string' } },
          note: { type: 'string' },
          legalForm: { type: 'string', enum: ['sarl', 'sa', 'gie'] },
          zone: { type: 'integer', enum: [0, 1] },
          languages: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['fr', 'ar'] } },
          lots: { type: 'array', items: { type: 'object', properties: { unit: { type: 'string', enum: ['kg', 't'] } } } },
        },
      },
      layout: [
        { title: text('Entreprise'), fields: ['manager', 'companyName'] },
        { title: text('Marchandises'), fields: ['goods', 'chapters'] },
      ],
      labels: {
        companyName: text('Raison sociale'),
        manager: text('Dirigeant'),
        'manager.lastName': text('Nom'),
        goods: text('Marchandises'),
        'goods[].hsCode': text('Code SH'),
        chapters: text('Chapitres'),
        legalForm: text('Forme juridique'),
        zone: text('Remise'),
        languages: text('Langues'),
        lots: text('Lots'),
        'lots[].unit': text('Unité'),
      },
      options: {
        legalForm: { sarl: text('SARL'), sa: text('Société anonyme') },
        zone: { 0: text('Au guichet'), 1: text('À domicile') },
        languages: { fr: text('Français'), ar: text('Arabe') },
        'lots[].unit': { kg: text('kilogrammes'), t: text('tonnes') },
      },
    },
    attachments: [],
    fees: [],
    workflow: { initial: 'submitted', states: [], transitions: [] },
    document: null,
  };
}

describe('the form as the applicant reads it', () => {
  it('titles every field by its label in the chosen language, inside objects and array items too', () => {
    const ui = uiSchemaFor(definition(), 'ar');
    expect(ui.companyName).toEqual({ 'ui:title': 'ع Raison sociale' });
    expect(ui.manager).toEqual({ 'ui:title': 'ع Dirigeant', lastName: { 'ui:title': 'ع Nom' } });
    expect(ui.goods).toEqual({ 'ui:title': 'ع Marchandises', items: { hsCode: { 'ui:title': 'ع Code SH' } } });
    expect(ui.chapters).toEqual({ 'ui:title': 'ع Chapitres', items: { 'ui:title': 'ع Chapitres' } });
  });

  it('names the values of choice fields in the chosen language, keyed by the value they store', () => {
    const ui = uiSchemaFor(definition(), 'ar');
    // `gie` has no label: the form library shows the value itself.
    expect(ui.legalForm).toEqual({ 'ui:title': 'ع Forme juridique', 'ui:enumNames': { sarl: 'ع SARL', sa: 'ع Société anonyme' } });
    expect(ui.zone).toEqual({ 'ui:title': 'ع Remise', 'ui:enumNames': { 0: 'ع Au guichet', 1: 'ع À domicile' } });
    expect(ui.languages).toEqual({ 'ui:title': 'ع Langues', items: { 'ui:title': 'ع Langues', 'ui:enumNames': { fr: 'ع Français', ar: 'ع Arabe' } } });
    expect(ui.lots).toEqual({ 'ui:title': 'ع Lots', items: { unit: { 'ui:title': 'ع Unité', 'ui:enumNames': { kg: 'ع kilogrammes', t: 'ع tonnes' } } } });
  });

  it('shows the values themselves when the definition names none', () => {
    const bare = definition();
    delete bare.form.options;
    expect(uiSchemaFor(bare, 'fr').legalForm).toEqual({ 'ui:title': 'Forme juridique' });
  });

  it('follows the layout order, and keeps fields the layout forgets at the end', () => {
    expect(uiSchemaFor(definition(), 'fr')['ui:order']).toEqual(['manager', 'companyName', 'goods', 'chapters', '*']);
  });

  it('names the sections in the chosen language', () => {
    expect(formContextFor(definition(), 'en').sections).toEqual([
      { title: 'en Entreprise', fields: ['manager', 'companyName'] },
      { title: 'en Marchandises', fields: ['goods', 'chapters'] },
    ]);
  });
});

describe("the server's refusal of a submission", () => {
  it('puts each message on its field by JSON pointer, array indexes included', () => {
    const placed = placeProblems({
      fields: [
        { pointer: '/manager/lastName', path: 'Dirigeant › Nom', code: 'minLength', message: 'Trop court' },
        { pointer: '/goods/1/hsCode', path: 'Code SH', code: 'pattern', message: 'Code SH invalide' },
        { pointer: '/companyName', path: 'Raison sociale', code: 'required', message: 'Obligatoire' },
      ],
    });
    expect(placed.form).toEqual({
      manager: { lastName: { __errors: ['Trop court'] } },
      goods: { 1: { hsCode: { __errors: ['Code SH invalide'] } } },
      companyName: { __errors: ['Obligatoire'] },
    });
    expect(placed.unplaced).toEqual([]);
  });

  it('puts a missing document on its attachment row, and what it cannot place in the summary', () => {
    const placed = placeProblems({
      fields: [
        { pointer: '/attachments/invoice', path: 'Facture', code: 'attachment_missing', message: 'Joignez la facture' },
        { path: 'Raison sociale', code: 'other', message: 'Refusé' },
      ],
    });
    expect(placed.attachments).toEqual({ invoice: 'Joignez la facture' });
    expect(placed.unplaced).toEqual(['Refusé']);
  });

  it('reads a pointer sent as `path` when no `pointer` comes with it, and ignores anything else', () => {
    expect(placeProblems({ fields: [{ path: '/a~1b', message: 'x' }, 42] }).form).toEqual({ 'a/b': { __errors: ['x'] } });
    expect(placeProblems(undefined)).toEqual({ form: {}, attachments: {}, unplaced: [] });
  });
});
