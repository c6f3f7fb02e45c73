import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { startCustomsApp } from '../support/customs.ts';
import { download, pdfText, scanQr } from '../documents/support.ts';
import { dayFromToday, registeredTraveller } from './support.ts';

let platform: TestApp;
let traveller: ApiClient;

const HOLDER = 'ياسين بن عمر';
/** A rate no shipped file has: published today, so the declaration must use the day's rate. */
const DZD_RATE_TODAY = '4.2137';

beforeAll(async () => {
  platform = await startCustomsApp();
  const admin = await signedIn(platform.url, 'admin');
  const published = await admin.request('POST', '/api/customs/exchange-rates', { currency: 'DZD', validOn: dayFromToday(0), rate: DZD_RATE_TODAY });
  if (published.status !== 201) throw new Error(JSON.stringify(published.body));
  traveller = await registeredTraveller(platform.url, HOLDER, 'ar');
});
afterAll(async () => {
  await platform?.close();
});

const declaration = (amounts: { currency: string; amount: string }[], direction: 'entry' | 'exit' = 'entry') => ({
  traveller: { name: HOLDER, passportNumber: 'DZ1987654', passportCountry: 'DZ' },
  direction,
  office: 'KDKIA01',
  travelOn: dayFromToday(2),
  amounts,
});

describe('a foreign-currency declaration', () => {
  it('converts at the rates of the day and is issued in Arabic, its PDF and QR saying so', async () => {
    const answer = await traveller.request('POST', '/api/passengers/currency-declarations', declaration([{ currency: 'EUR', amount: '7500' }, { currency: 'DZD', amount: '150000.50' }]));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    // By hand: 7500 × 655.957 = 4,919,677.5 → 4,919,678 XOF (the euro's fixed parity);
    // 150,000.50 × 4.2137 = 632,057.106850 → 632,057 XOF; together 5,551,735 XOF ≥ 5,000,000.
    expect(answer.body).toMatchObject({
      required: true,
      threshold: 5_000_000,
      declaration: {
        direction: 'entry',
        office: 'KDKIA01',
        declaredOn: dayFromToday(0),
        nationalCurrency: 'XOF',
        totalNational: 5_551_735,
        amounts: [
          { currency: 'EUR', amount: '7500', rate: '655.957', national: 4_919_678 },
          { currency: 'DZD', amount: '150000.50', rate: DZD_RATE_TODAY, national: 632_057 },
        ],
      },
    });

    const { pdf } = await download(traveller, answer.body.declaration.documentId);
    const text = (await pdfText(pdf)).replace(/[\u202A-\u202E]/g, '');
    for (const words of [HOLDER, 'تصريح بالعملات الأجنبية', 'المديرية العامة للجمارك', 'الدخول إلى الإقليم', 'المجموع بالعملة الوطنية', 'مكتب جمارك مطار كندارة الدولي']) expect(text).toContain(words);
    for (const figures of ['5,551,735', '4,919,678', '632,057', '655.957', DZD_RATE_TODAY]) expect(text).toContain(figures);

    const verified = await traveller.request('POST', '/api/verify', { payload: await scanQr(pdf) });
    expect(verified.body).toMatchObject({ status: 'valid', document: { type: 'currency_declaration', holder: { name: HOLDER, id: 'DZ1987654' }, validUntil: dayFromToday(2) } });
    expect(verified.body.document.fields[0]).toMatchObject({ label: { ar: 'الاتجاه' }, value: 'الدخول إلى الإقليم' });

    // At the airport the officer scans it and sees the declaration it attests.
    const officer = await signedIn(platform.url, 'karim.benali', 'ar');
    const scanned = await officer.request('POST', '/api/passengers/border/scan', { payload: await scanQr(pdf) });
    expect(scanned.body).toMatchObject({ verification: { status: 'valid' }, vehiclePass: null, currencyDeclaration: { id: answer.body.declaration.id, totalNational: 5_551_735 } });
  });

  it('answers that no declaration is needed below the threshold, with the conversion, and issues nothing', async () => {
    const answer = await traveller.request('POST', '/api/passengers/currency-declarations', declaration([{ currency: 'EUR', amount: '7622' }], 'exit'));
    // 7622 × 655.957 = 4,999,704.254 → 4,999,704 XOF, just under 5,000,000.
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ required: false, threshold: 5_000_000, nationalCurrency: 'XOF', ratesOn: dayFromToday(0), totalNational: 4_999_704, amounts: [{ currency: 'EUR', amount: '7622', rate: '655.957', national: 4_999_704 }] });
    expect((await traveller.request('GET', '/api/passengers/currency-declarations')).body.items).toHaveLength(1);
  });

  it('refuses an unknown currency, the national currency and too many decimals, naming the line, in Arabic', async () => {
    const unknown = await traveller.request('POST', '/api/passengers/currency-declarations', declaration([{ currency: 'EUR', amount: '10' }, { currency: 'ZZZ', amount: '10' }]));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'currency_unknown', details: { fields: [{ path: 'amounts[1].currency' }] } });
    const national = await traveller.request('POST', '/api/passengers/currency-declarations', declaration([{ currency: 'XOF', amount: '9000000' }]));
    expect(national.body.error).toMatchObject({ code: 'currency_declaration_national', message: 'العملة الوطنية (XOF) لا يُصرَّح بها هنا: العملات الأجنبية فقط.' });
    const cents = await traveller.request('POST', '/api/passengers/currency-declarations', declaration([{ currency: 'JPY', amount: '900000.5' }]));
    expect(cents.body.error).toMatchObject({ code: 'currency_amount_precision', details: { fields: [{ path: 'amounts[0].amount' }] } });
  });
});
