import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignedDocument } from '../../src/modules/documents/claims.ts';
import { sealPayload } from '../../src/modules/documents/payload.ts';
import { certificateOfOriginMessage } from '../../src/modules/federation/crossborder-messages.ts';
import { judgeCertificate } from '../../src/modules/federation/crossborder-verdict.ts';
import { kidBytesOf, kidOf, publicJwkOf, type VerificationKey } from '../../src/platform/crypto/signing-keys-jwk.ts';

function agencyKey(agencyCode: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicJwkOf(publicKey);
  return { verification: { kid: kidOf(jwk), agencyCode, publicKey } satisfies VerificationKey, signer: { kidBytes: kidBytesOf(jwk), sign: (data: Uint8Array) => sign(null, data, privateKey) } };
}

const certificate = (overrides: Partial<SignedDocument> = {}): SignedDocument => ({
  id: randomUUID(),
  issuer: 'COMMERCE',
  number: 'COMMERCE-2026-000042',
  type: 'certificate_of_origin',
  language: 'fr',
  holder: { name: 'Société Cotonnière du Nord SA', id: 'KD-2008-000219' },
  fields: [{ label: 'Code SH', value: '52010000' }],
  issuedAt: new Date('2026-02-12T09:00:00Z'),
  validFrom: '2026-02-12',
  validUntil: '2027-02-11',
  ...overrides,
});

const commerce = agencyKey('COMMERCE');
const partnerKeys = new Map([[commerce.verification.kid, commerce.verification]]);
const now = new Date('2026-06-01T12:00:00Z');
const messageOf = (document: SignedDocument, payload: string) => ({ payload, documentId: document.id, number: document.number });

describe('a certificate of origin received from a partner', () => {
  it("is verified with the issuing country's document keys", () => {
    const document = certificate();
    expect(judgeCertificate(messageOf(document, sealPayload(document, commerce.signer)), partnerKeys, now)).toEqual({ signature: 'verified', reason: null, issuerDocumentId: document.id });
  });

  it('is pending when signed by a key the partner has not published (yet), and invalid when altered', () => {
    const document = certificate();
    const stranger = agencyKey('COMMERCE');
    expect(judgeCertificate(messageOf(document, sealPayload(document, stranger.signer)), partnerKeys, now)).toMatchObject({ signature: 'pending', reason: 'unknown_key' });
    const payload = sealPayload(document, commerce.signer);
    const altered = payload.slice(0, -3) + (payload.at(-3) === 'A' ? 'B' : 'A') + payload.slice(-2);
    expect(judgeCertificate(messageOf(document, altered), partnerKeys, now).signature).toBe('invalid');
  });

  it('is invalid when a genuine payload of another document is attached to it', () => {
    const genuine = certificate();
    const declared = certificate({ number: 'COMMERCE-2026-000043' });
    expect(judgeCertificate({ payload: sealPayload(genuine, commerce.signer), documentId: declared.id, number: declared.number }, partnerKeys, now)).toMatchObject({ signature: 'invalid', reason: 'not_the_declared_document' });
  });
});

describe('the message a certificate of origin travels in', () => {
  it("carries the signed payload and the file's exporter, consignee and goods by HS code", () => {
    const message = certificateOfOriginMessage(
      { id: '0b9c2d3e-4f50-4a61-8b72-93a4b5c6d7e8', number: 'COMMERCE-2026-000042', payload: 'GK1:XYZ' },
      {
        exporterName: 'Société Cotonnière du Nord SA',
        taxId: 'KD-2008-000219',
        exporterAddress: 'BP 112, Bassar-Nord',
        consignee: { name: 'Textiles du Sahel SARL', address: 'Bamako' },
        destinationCountry: 'KB',
        goods: [{ hsCode: '52010000', description: 'Coton fibre', quantity: 27, unit: 't', grossWeightKg: 27600, originCriterion: 'wholly_obtained' }],
      },
      'KD/GOV/COMMERCE',
    );
    expect(message).toMatchObject({ payload: 'GK1:XYZ', issuer: 'KD/GOV/COMMERCE', exporter: { name: 'Société Cotonnière du Nord SA', taxId: 'KD-2008-000219' }, goods: [{ hsCode: '52010000', grossWeightKg: 27600 }] });
  });
});
