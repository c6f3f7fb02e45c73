import { writeInterchange } from '../../src/platform/edifact/index.ts';

/** One line of the old system's CSV export (docs/customs/legacy-coexistence.md "CSV layout"): one item of a declaration. */
export interface LegacyLine {
  reference: string;
  office: string;
  regime: string;
  lodgedAt: string;
  releasedAt: string;
  channel: string;
  importer: string;
  declarant: string;
  currency: string;
  hsCode: string;
  description: string;
  origin: string;
  quantity: string;
  unit: string;
  value: string;
  duty: string;
  vat: string;
  statisticalFee: string;
  communityLevy: string;
  excise: string;
}

export const CSV_HEADER = 'reference,office,regime,lodged_at,released_at,channel,importer_tax_id,declarant_tax_id,currency,hs_code,description,origin,quantity,unit,value,duty,vat,statistical_fee,community_levy,excise';

let counter = 0;
/** A legacy reference no other test uses (the store is shared by the tests of a file). */
export const legacyReference = (prefix = 'SIGAD') => `${prefix}-${process.pid}-${Date.now().toString(36)}-${(counter += 1)}`;

/** 20 t of rice imported for home use at the port, released on the green channel. */
export const riceLine = (overrides: Partial<LegacyLine> = {}): LegacyLine => ({
  reference: legacyReference(),
  office: 'KDKAN01',
  regime: 'import_home_use',
  lodgedAt: '2025-09-14T08:30:00Z',
  releasedAt: '2025-09-15T10:00:00Z',
  channel: 'green',
  importer: 'KD-2019-004512',
  declarant: 'KD-2015-000871',
  currency: 'USD',
  hsCode: '1006300000',
  description: 'Semi-milled rice, 50 kg bags',
  origin: 'TH',
  quantity: '20000',
  unit: 'KGM',
  value: '9800',
  duty: '588000',
  vat: '1090000.1',
  statisticalFee: '0.2',
  communityLevy: '49000',
  excise: '0',
  ...overrides,
});

const quoted = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const csvOf = (lines: readonly LegacyLine[]) =>
  [
    CSV_HEADER,
    ...lines.map((l) => [l.reference, l.office, l.regime, l.lodgedAt, l.releasedAt, l.channel, l.importer, l.declarant, l.currency, l.hsCode, l.description, l.origin, l.quantity, l.unit, l.value, l.duty, l.vat, l.statisticalFee, l.communityLevy, l.excise].map(quoted).join(',')),
  ].join('\n') + '\n';

/** A CUSDEC message of the documented subset, as the old system writes one declaration. */
export interface CusdecDeclaration {
  reference: string;
  office: string;
  procedure: string;
  lodged: string;
  released?: string;
  channel?: string;
  hsCode: string;
  origin: string;
  value: string;
  duty: string;
  vat: string;
}

export const cusdecDeclaration = (overrides: Partial<CusdecDeclaration> = {}): CusdecDeclaration => ({
  reference: legacyReference('CUSDEC'),
  office: 'KDKAN01',
  procedure: '40',
  lodged: '202509140830',
  released: '202509151000',
  channel: 'G',
  hsCode: '1006300000',
  origin: 'TH',
  value: '9800',
  duty: '588000',
  vat: '1090000',
  ...overrides,
});

export function cusdecOf(declarations: readonly CusdecDeclaration[], extraMessages: { reference: string; type: string }[] = []): string {
  return writeInterchange({
    sender: 'SIGAD',
    recipient: 'GUICHET',
    preparedAt: '2026-11-24T05:30',
    controlReference: `IC${Date.now().toString().slice(-8)}`,
    messages: [
      ...declarations.map((d, index) => ({
        reference: `M${index + 1}`,
        identifier: ['CUSDEC', 'D', '96B', 'UN'] as [string, string, string, string],
        segments: [
          { tag: 'BGM', elements: [['929'], [d.reference], ['9']] },
          { tag: 'DTM', elements: [['137', d.lodged, '203']] },
          ...(d.released ? [{ tag: 'DTM', elements: [['182', d.released, '203']] }] : []),
          { tag: 'LOC', elements: [['22'], [d.office]] },
          { tag: 'GIS', elements: [[d.procedure, 'PRC']] },
          ...(d.channel ? [{ tag: 'GIS', elements: [[d.channel, 'SEL']] }] : []),
          { tag: 'NAD', elements: [['IM'], ['KD-2019-004512']] },
          { tag: 'NAD', elements: [['DT'], ['KD-2015-000871']] },
          { tag: 'CUX', elements: [['2', 'USD', '4']] },
          { tag: 'CST', elements: [['1'], [d.hsCode, 'HS']] },
          { tag: 'FTX', elements: [['AAA'], [''], [''], ['Semi-milled rice, 50 kg bags']] },
          { tag: 'LOC', elements: [['27'], [d.origin]] },
          { tag: 'QTY', elements: [['47', '20000', 'KGM']] },
          { tag: 'MOA', elements: [['40', d.value]] },
          { tag: 'TAX', elements: [['5'], ['CUD']] },
          { tag: 'MOA', elements: [['161', d.duty]] },
          { tag: 'TAX', elements: [['5'], ['VAT']] },
          { tag: 'MOA', elements: [['161', d.vat]] },
        ],
      })),
      ...extraMessages.map((m) => ({ reference: m.reference, identifier: [m.type, 'D', '96B', 'UN'] as [string, string, string, string], segments: [{ tag: 'BGM', elements: [['785'], ['X']] }] })),
    ],
  });
}
