import { describe, expect, it } from 'vitest';
import { acceptAttribute, missingRequired, refuseFile, sizeInUnits } from './attachmentRules';
import type { AttachmentRule } from './definition';

const statutes: AttachmentRule = {
  kind: 'company_statutes',
  label: { fr: 'Statuts', ar: 'القانون الأساسي', en: 'Statutes' },
  required: true,
  types: ['application/pdf'],
  maxSizeMb: 2,
};

describe('a document chosen in the browser', () => {
  it('is refused before upload when its type or size breaks the rule', () => {
    expect(refuseFile(statutes, { size: 1000, type: 'image/png' })).toEqual({ code: 'file_type_refused' });
    expect(refuseFile(statutes, { size: 2 * 1024 * 1024 + 1, type: 'application/pdf' })).toEqual({ code: 'file_too_large', maxSizeMb: 2 });
    expect(refuseFile(statutes, { size: 0, type: 'application/pdf' })).toEqual({ code: 'file_empty' });
  });

  it('is accepted at exactly the size limit', () => {
    expect(refuseFile(statutes, { size: 2 * 1024 * 1024, type: 'application/pdf' })).toBeNull();
  });

  it('is offered by type and extension in the file picker', () => {
    expect(acceptAttribute({ ...statutes, types: ['application/pdf', 'image/jpeg'] })).toBe('application/pdf,.pdf,image/jpeg,.jpg,.jpeg');
  });
});

describe('the documents of a file', () => {
  it('lists the required kinds with nothing attached', () => {
    const optional = { ...statutes, kind: 'photo', required: false };
    const attached = [{ id: '1', kind: 'photo', fileName: 'p.png', size: 10, mediaType: 'image/png', uploadedAt: '', uploadedBy: { id: 'u', label: 'U' } }];
    expect(missingRequired([statutes, optional], attached).map((rule) => rule.kind)).toEqual(['company_statutes']);
  });

  it('sizes files in kB below a megabyte and in MB above', () => {
    expect(sizeInUnits(1536)).toEqual({ value: 1.5, unit: 'kB' });
    expect(sizeInUnits(3 * 1024 * 1024)).toEqual({ value: 3, unit: 'MB' });
    expect(sizeInUnits(10)).toEqual({ value: 0.1, unit: 'kB' });
  });
});
