import { describe, expect, it } from 'vitest';
import { fieldLabel, pastedPayload, uploadKind } from './verification';

describe('a file chosen on the verification page', () => {
  it('is a PDF by its type, or by its name when the browser gives no type', () => {
    expect(uploadKind({ type: 'application/pdf', name: 'carte' })).toBe('pdf');
    expect(uploadKind({ type: '', name: 'CARTE.PDF' })).toBe('pdf');
  });

  it('is a picture of the QR code when it is an image, and refused otherwise', () => {
    expect(uploadKind({ type: 'image/jpeg', name: 'photo.jpg' })).toBe('image');
    expect(uploadKind({ type: 'text/plain', name: 'code.txt' })).toBe('other');
  });
});

describe('a pasted payload', () => {
  it('loses the line breaks copied around it, and keeps its spaces, which base45 uses', () => {
    expect(pastedPayload('\r\nGK1:6BF 9A$\n')).toBe('GK1:6BF 9A$');
    expect(pastedPayload('GK1:AB ')).toBe('GK1:AB ');
  });
});

describe('a signed field', () => {
  it('is labelled in the reader language, or as it was signed', () => {
    expect(fieldLabel({ fr: 'Raison sociale', ar: 'الاسم التجاري', en: 'Company name' }, 'ar')).toBe('الاسم التجاري');
    expect(fieldLabel('companyName', 'fr')).toBe('companyName');
  });
});
