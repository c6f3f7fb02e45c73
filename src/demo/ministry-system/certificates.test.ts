import { describe, expect, it } from 'vitest';
import { checkCertificate, hsCodeCovered } from './certificates.ts';
import { demoCertificates } from './demo-certificates.ts';

const register = demoCertificates(new Date('2026-03-10T08:00:00Z'));

describe('checking a phytosanitary certificate', () => {
  it('covers a declared tariff line under the certified HS subheading, not a neighbour or a wider heading', () => {
    expect(hsCodeCovered('100630', '100630')).toBe(true);
    expect(hsCodeCovered('100630', '10063010')).toBe(true);
    expect(hsCodeCovered('100630', '100640')).toBe(false);
    expect(hsCodeCovered('100630', '1006')).toBe(false);
  });

  it('answers in force until the expiry date, expired after it, and revoked whatever the date', () => {
    const rice = { certificateNumber: 'KD-PHY-2026-000102' };
    expect(checkCertificate(register, rice, '2026-04-29')).toMatchObject({ found: true, status: 'valid', expiresOn: '2026-04-29' });
    expect(checkCertificate(register, rice, '2026-04-30')).toMatchObject({ status: 'expired' });
    expect(checkCertificate(register, { certificateNumber: 'KD-PHY-2026-000104' }, '2026-03-10')).toMatchObject({ status: 'revoked' });
  });

  it('says whether the declared goods match only when asked, and nothing more about an unknown number', () => {
    expect(checkCertificate(register, { certificateNumber: 'KD-PHY-2026-000102' }, '2026-03-10')).not.toHaveProperty('matchesHsCode');
    expect(checkCertificate(register, { certificateNumber: 'KD-PHY-2026-000102', hsCode: '180100' }, '2026-03-10')).toMatchObject({ matchesHsCode: false });
    expect(checkCertificate(register, { certificateNumber: 'KD-PHY-2026-999999', hsCode: '100630' }, '2026-03-10')).toEqual({ certificateNumber: 'KD-PHY-2026-999999', found: false });
  });
});
