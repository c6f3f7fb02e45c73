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

  it('shows the values of choice fields by their label, and a value without one as itself', () => {
    const withChoices: FormPresentation = {
      ...form,
      labels: { ...form.labels, 'goods[].unit': text('Unit'), zone: text('Delivery') },
      options: {
        requestType: { first_issue: text('First issue'), renewal: text('Renewal') },
        hsChapters: { 10: text('Cereals') },
        'goods[].unit': { t: text('tonnes') },
        zone: { 0: text('At the counter') },
      },
    };
    const sections = formSections({ requestType: 'first_issue', hsChapters: ['10', '11'], goods: [{ unit: 't' }, { unit: 'kg' }], zone: 0 }, withChoices);
    const rows = sections.flatMap((section) => section.rows);
    expect(rows.find((row) => row.path === 'requestType')?.value).toEqual({ kind: 'choice', value: 'first_issue', label: text('First issue') });
    expect(rows.find((row) => row.path === 'hsChapters')?.value).toEqual({
      kind: 'list',
      items: [{ kind: 'choice', value: '10', label: text('Cereals') }, { kind: 'text', text: '11' }],
    });
    expect(rows.find((row) => row.path === 'goods')?.value).toEqual({
      kind: 'list',
      items: [
        { kind: 'group', rows: [{ path: 'goods[].unit', label: text('Unit'), value: { kind: 'choice', value: 't', label: text('tonnes') } }] },
        { kind: 'group', rows: [{ path: 'goods[].unit', label: text('Unit'), value: { kind: 'text', text: 'kg' } }] },
      ],
    });
    expect(rows.find((row) => row.path === 'zone')?.value).toEqual({ kind: 'choice', value: '0', label: text('At the counter') });
  });

  it("reads nested fields in the schema's order, whatever order the stored data has", () => {
    const withSchema: FormPresentation = {
      ...form,
      schema: { type: 'object', properties: { manager: { type: 'object', properties: { lastName: {}, firstNames: {}, position: {} } } } },
    };
    // As jsonb returns it: shorter keys first.
    const manager = { position: 'manager', lastName: 'Traoré', firstNames: 'Moussa', nickname: 'M' };
    const [, managerSection] = formSections({ requestType: 'renewal', manager }, withSchema);
    const group = managerSection?.rows[0]?.value;
    expect(group?.kind === 'group' ? group.rows.map((row) => row.path) : []).toEqual([
      'manager.lastName',
      'manager.firstNames',
      'manager.position',
      'manager.nickname',
    ]);
  });

  it('shows last, without a title, what the layout does not list', () => {
    const sections = formSections({ requestType: 'renewal', declaredByAgent: true }, form);
    expect(sections.at(-1)).toEqual({ title: null, rows: [{ path: 'declaredByAgent', label: null, value: { kind: 'boolean', value: true } }] });
  });
});
