import { describe, expect, it } from 'vitest';
import type { ReleaseNote } from '../customs/index.ts';
import { releaseNoteDraft } from './release-note-draft.ts';

const identity = {
  id: '6f1c2a9e-4b7d-4c2e-9a51-0d3e8f7b6a21',
  number: 'CUSTOMS-2026-000007',
  agency: { code: 'CUSTOMS', names: { fr: 'Direction générale des douanes', ar: 'المديرية العامة للجمارك', en: 'General Directorate of Customs' } },
  issuedAt: new Date('2026-11-21T08:00:00.750Z'),
};

const cement = { hsCode: '2523.29.00.00', description: 'Portland cement,\n grey', quantity: '30000', unit: 'KGM', netMassKg: '30000' };

const releaseNote = (overrides: Partial<ReleaseNote> = {}): ReleaseNote => ({
  declarationId: 'b1f0c6de-2f43-4d7b-8c1a-5e9d0a7f3b12',
  reference: 'KDKAN01-2026-000012',
  localReference: 'LRN-1',
  officeCode: 'KDKAN01',
  regime: 'export',
  channel: 'green',
  declarant: { taxId: 'KD-2015-000871', name: 'Transit Sahel SARL' },
  holder: { taxId: 'KD-2019-004512', name: 'Kandara Riz Import SARL' },
  items: [cement],
  totalPaid: 0,
  currency: 'XOF',
  receiptNumber: null,
  releasedAt: '2026-11-20T23:30:00.000Z',
  createdBy: null,
  ...overrides,
});

const lines = (note: ReleaseNote, language: 'fr' | 'ar' | 'en') => releaseNoteDraft(note, language, identity).fields.map((f) => [f.label[language], f.value]);

describe('releaseNoteDraft', () => {
  it('prints one unnumbered goods line of each kind for a single item, and no receipt when nothing was paid', () => {
    expect(lines(releaseNote(), 'en')).toEqual([
      ['Declaration reference', 'KDKAN01-2026-000012'],
      ['Released on', '20 November 2026'],
      ['Duties and taxes paid', '0 XOF'],
      ['Customs office', 'KDKAN01'],
      ['Customs regime', 'export'],
      ['Declarant', 'Transit Sahel SARL (KD-2015-000871)'],
      ['Tariff line (HS)', '2523.29.00.00'],
      ['Description of goods', 'Portland cement, grey'],
      ['Quantity', '30000 KGM'],
    ]);
  });

  it('numbers the goods lines of several items and writes quantities with the language’s decimal sign', () => {
    const note = releaseNote({ items: [cement, { ...cement, quantity: '12.5', unit: 'TNE' }], receiptNumber: 'TRESOR-2026-000042', totalPaid: 1234567 });
    const french = lines(note, 'fr');
    expect(french).toContainEqual(['Numéro de quittance', 'TRESOR-2026-000042']);
    expect(french.slice(-3)).toEqual([['Position tarifaire (SH) (2)', '2523.29.00.00'], ['Désignation des marchandises (2)', 'Portland cement, grey'], ['Quantité (2)', '12,5 TNE']]);
    expect(lines(note, 'ar').at(-1)).toEqual(['الكمية (2)', '12.5 TNE']);
  });

  it('is held by the importer, valid from the day of release with no end, issued at a whole second', () => {
    const draft = releaseNoteDraft(releaseNote(), 'ar', identity);
    expect(draft).toMatchObject({
      kind: 'document',
      type: 'customs_release_note',
      language: 'ar',
      title: { fr: 'Bon à enlever', ar: 'إذن برفع البضائع', en: 'Release note' },
      holder: { name: 'Kandara Riz Import SARL', id: 'KD-2019-004512' },
      validFrom: '2026-11-20',
      validUntil: null,
      issuedAt: new Date('2026-11-21T08:00:00Z'),
    });
    // The QR carries the first lines, as far as they fit: the reference always.
    expect(draft.fields[0]?.signed).toBe(true);
  });
});
