import { describe, expect, it } from 'vitest';
import { formSections, type FormPresentation } from './formData';

const text = (en: string) => ({ fr: en, ar: en, en });

const form: FormPresentation = {
  layout: [
    { title: text('Request'), fields: ['requestType', 'previousCardNumber'] },
    { title: text('Manager'), fields: ['manager'] },
    { title: text('Activity'), fields: ['hsChapters', 'shareCapital'] },
  ],
  labels: {
    requestType: text('Type of request'),
    previousCardNumber: text('Card being renewed'),
    manager: text('Company manager'),
    'manager.lastName': text('Surname'),
    hsChapters: text('HS chapters'),
    shareCapital: text('Share capital'),
  },
};

describe('the form data as the officer reads it', () => {
  it('follows the layout, labels nested fields by their path, and leaves empty fields out', () => {
    const sections = formSections(
      { requestType: 'first_issue', manager: { lastName: 'Traoré', nickname: 'M' }, hsChapters: ['10', '11'], shareCapital: 0 },
      form,
    );
    expect(sections.map((section) => section.title?.en)).toEqual(['Request', 'Manager', 'Activity']);
    expect(sections[0]?.rows).toEqual([{ path: 'requestType', label: text('Type of request'), value: { kind: 'text', text: 'first_issue' } }]);
    expect(sections[1]?.rows[0]?.value).toEqual({
      kind: 'group',
      rows: [
        { path: 'manager.lastName', label: text('Surname'), value: { kind: 'text', text: 'Traoré' } },
        { path: 'manager.nickname', label: null, value: { kind: 'text', text: 'M' } },
      ],
    });
    expect(sections[2]?.rows.map((row) => row.value)).toEqual([
      { kind: 'list', items: [{ kind: 'text', text: '10' }, { kind: 'text', text: '11' }] },
      { kind: 'number', value: 0 },
    ]);
  });

  it('shows last, without a title, what the layout does not list', () => {
    const sections = formSections({ requestType: 'renewal', declaredByAgent: true }, form);
    expect(sections.at(-1)).toEqual({ title: null, rows: [{ path: 'declaredByAgent', label: null, value: { kind: 'boolean', value: true } }] });
  });
});
