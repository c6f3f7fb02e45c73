import { describe, expect, it } from 'vitest';
import { batchBody, emptyForm, percent, rowsWithBatch, waitingRow, type Batch } from './ingest';

describe('the scanned-records ingest page', () => {
  it('sends only the titles given, and the languages in the order the server knows them', () => {
    const form = { ...emptyForm('fr'), titleAr: ' سجلات ', creatorAgency: 'CUSTOMS', subject: 'Registres', dateFrom: '1987', retentionClass: 'customs-declarations-10y', languages: ['eng', 'fra'] as const };
    expect(batchBody({ ...form, languages: [...form.languages] })).toEqual({
      title: { ar: 'سجلات' },
      creatorAgency: 'CUSTOMS',
      subject: 'Registres',
      dateFrom: '1987',
      retentionClass: 'customs-declarations-10y',
      accessLevel: 'restricted',
      languages: ['fra', 'eng'],
    });
    expect(emptyForm('ar').languages).toEqual(['ara']);
  });

  it("follows each accepted file's item, and keeps an upload's refusal", () => {
    const rows = [waitingRow('a.png', 0), { ...waitingRow('b.pdf', 1), phase: 'refused' as const, refusal: { message: 'b.pdf is incomplete', language: 'fr' } }];
    const batch: Batch = {
      id: 'x',
      reference: 'KD-SCAN-2026-000001',
      state: 'submitted',
      counts: { files: 1, queued: 0, recognising: 1, stored: 0, refused: 0 },
      items: [{ id: 'i', name: 'a.png', state: 'recognising', progress: 0.3, pages: null, confidence: null, package: null, refusal: null }],
    };
    const [a, b] = rowsWithBatch(rows, batch, 'fr');
    expect(a).toMatchObject({ phase: 'recognising', progress: 0.3 });
    expect(b).toEqual(rows[1]);
    expect([percent(0.999), percent(-1), percent(2)]).toEqual([99, 0, 100]);
  });
});
