import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES, DEMO_COUNTRY } from '../../src/demo/country.ts';
import { readShippedDefinitions, type ProcedureDefinition } from '../../src/modules/catalogue/index.ts';
import { applicationDraft, receiptDraft, signedDocumentOf, type DocumentDraft } from '../../src/modules/documents/draft.ts';
import { sealPayload } from '../../src/modules/documents/payload.ts';
import { payloadFromPdf } from '../../src/modules/documents/pdf-payload.ts';
import { renderDocumentPdf } from '../../src/modules/documents/pdf/render.ts';
import { verifyPayload } from '../../src/modules/documents/verify.ts';
import { kidBytesOf, kidOf, publicJwkOf } from '../../src/platform/crypto/signing-keys-jwk.ts';
import type { Locale } from '../../src/platform/i18n/i18n.ts';
import { pdfText, scanQr } from './support.ts';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const jwk = publicJwkOf(publicKey);
const signer = { kidBytes: kidBytesOf(jwk), sign: (data: Uint8Array) => sign(null, data, privateKey) };

function identity(agencyCode: string) {
  const agency = DEMO_AGENCIES.find((a) => a.code === agencyCode);
  if (!agency) throw new Error(agencyCode);
  return { id: randomUUID(), number: `${agencyCode}-2026-000042`, agency: { code: agencyCode, names: agency.names }, issuedAt: new Date('2026-03-15T10:20:30Z') };
}

async function render(draft: DocumentDraft) {
  const payload = sealPayload(signedDocumentOf(draft), signer);
  const rendered = await renderDocumentPdf({ draft, country: DEMO_COUNTRY.names, kid: kidOf(jwk), verifyUrl: 'https://guichet.gov.kd/verify', payload });
  return { ...rendered, payload };
}

const keysOf = (agencyCode: string) => new Map([[kidOf(jwk), { kid: kidOf(jwk), agencyCode, publicKey }]]);

describe('rendering issued documents', () => {
  it("draws every shipped procedure's document in French, Arabic and English, with its payload in the file", async () => {
    const definitions = (await readShippedDefinitions()).map((shipped) => shipped.raw as ProcedureDefinition).filter((d) => d.document);
    expect(definitions).toHaveLength(9);
    for (const definition of definitions) {
      for (const language of ['fr', 'ar', 'en'] as Locale[]) {
        const source = {
          applicationId: randomUUID(), reference: 'KD-2026-000123', agencyId: randomUUID(), agencyCode: definition.agency, procedureId: definition.id, procedureVersion: definition.version,
          definition, data: definition.form.example, applicant: { id: randomUUID(), name: 'Awa Ndiaye', locale: language }, company: null, decidedAt: '2026-03-15T09:00:00Z',
        };
        const { pdf, payload, qrVersion, pages } = await render(applicationDraft(source, identity(definition.agency)));
        const label = `${definition.id} (${language})`;
        expect(pdf.subarray(0, 5).toString(), label).toBe('%PDF-');
        expect(payloadFromPdf(pdf), label).toBe(payload);
        expect(verifyPayload(payload, keysOf(definition.agency), new Date('2026-03-16')).status, label).toBe('valid');
        // docs/documents.md: the payloads of the shipped documents fit QR versions 13 to 18.
        expect(qrVersion, label).toBeLessThanOrEqual(18);
        expect(pages, label).toBeLessThanOrEqual(2);
      }
    }
  }, 120_000);

  it("prints a receipt in the payer's language whose QR code a scanner reads back", async () => {
    const payment = {
      paymentId: randomUUID(), applicationId: randomUUID(), reference: 'KD-2026-000123', agencyCode: 'COMMERCE', payerId: randomUUID(), amount: 25_000, currency: 'XOF',
      provider: 'mobile_money' as const, providerReference: 'MM-7F3A91', receiptNumber: 'R-2026-000017', paidAt: '2026-03-15T10:00:00Z',
      lines: [{ label: { fr: 'Frais de dossier', ar: 'رسوم الملف', en: 'File fee' }, amount: 25_000 }],
    };
    const { pdf, payload } = await render(receiptDraft(payment, { name: 'عائشة ديالو', locale: 'ar' }, identity('COMMERCE')));
    expect(await scanQr(pdf)).toBe(payload);
    const text = (await pdfText(pdf)).replace(/[\u202A-\u202E]/g, '');
    for (const words of ['وصل الأداء', 'عائشة ديالو', 'R-2026-000017', 'الأداء عبر الهاتف المحمول']) expect(text).toContain(words);
    expect(text).toMatch(/25,000 XOF|XOF 25,000/);
  });
});
