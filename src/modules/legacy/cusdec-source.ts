import { EdifactError, parseInterchange, valueAt, type EdifactMessage, type EdifactSegment } from '../../platform/edifact/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { itemIndexOf, rejectionOf, type LegacyEntry, type Location } from './entries.ts';
import type { DraftItem, LegacyDraft } from './mapping.ts';
import type { TaxKind } from './record.ts';

/**
 * The CUSDEC subset the old system exports (docs/customs/legacy-coexistence.md "CUSDEC subset").
 * Segments outside it are read by the syntax parser and ignored here.
 */
const DATE_QUALIFIERS = { '137': 'lodgedAt', '182': 'releasedAt' } as const;
const PARTY_QUALIFIERS = { IM: 'importerTaxId', DT: 'declarantTaxId' } as const;
const TAX_TYPES: Readonly<Record<string, TaxKind>> = { CUD: 'duty', VAT: 'vat', STF: 'statistical_fee', CML: 'community_levy', EXC: 'excise' };
/** UN/EDIFACT 2379 date/time formats: 102 CCYYMMDD, 203 CCYYMMDDHHMM, 204 CCYYMMDDHHMMSS. */
const DATE_FORMATS: Readonly<Record<string, RegExp>> = { '102': /^(\d{4})(\d{2})(\d{2})$/, '203': /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/, '204': /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/ };

/** An EDIFACT date as ISO 8601 text (the mapping checks it), or the value as sent when its format is not one of ours. */
function isoDate(value: string, format: string): string {
  const match = DATE_FORMATS[format || '102']?.exec(value);
  if (!match) return value;
  const [, y, m, d, hh, mm, ss] = match;
  return hh === undefined ? `${y}-${m}-${d}` : `${y}-${m}-${d}T${hh}:${mm}:${ss ?? '00'}Z`;
}

/** The decimal mark may be a comma (ISO 9735 UNA) — the mapping reads a full stop. */
const decimal = (value: string) => value.replace(',', '.');

const emptyDraft = (): LegacyDraft => ({ reference: '', officeCode: '', regime: '', lodgedAt: '', releasedAt: '', channel: '', importerTaxId: '', declarantTaxId: '', currency: '', items: [], taxes: [] });

/** Reads one CUSDEC message into a draft, remembering which segment gave each field. */
function draftOf(message: EdifactMessage): { draft: LegacyDraft; segmentOf: Map<string, EdifactSegment> } {
  const draft = emptyDraft();
  const segmentOf = new Map<string, EdifactSegment>();
  const set = (field: keyof Omit<LegacyDraft, 'items' | 'taxes'>, value: string, segment: EdifactSegment) => {
    draft[field] = value;
    segmentOf.set(field, segment);
  };
  let item: DraftItem | null = null;
  let pendingTax: { kind: TaxKind | null; segment: EdifactSegment } | null = null;
  const itemField = (name: string) => `items[${draft.items.length - 1}].${name}`;

  for (const segment of message.segments) {
    const value = (element: number, component = 0) => valueAt(segment, element, component).trim();
    switch (segment.tag) {
      case 'BGM':
        set('reference', value(1), segment);
        break;
      case 'DTM': {
        const field = DATE_QUALIFIERS[value(0) as keyof typeof DATE_QUALIFIERS];
        if (field) set(field, isoDate(value(0, 1), value(0, 2)), segment);
        break;
      }
      case 'LOC':
        if (value(0) === '22') set('officeCode', value(1), segment);
        if (value(0) === '27' && item) {
          item.origin = value(1).toUpperCase();
          segmentOf.set(itemField('origin'), segment);
        }
        break;
      case 'GIS':
        if (value(0, 1) === 'PRC') set('regime', value(0), segment);
        if (value(0, 1) === 'SEL') set('channel', value(0), segment);
        break;
      case 'NAD': {
        const field = PARTY_QUALIFIERS[value(0) as keyof typeof PARTY_QUALIFIERS];
        if (field) set(field, value(1), segment);
        break;
      }
      case 'CUX':
        set('currency', value(0, 1).toUpperCase(), segment);
        break;
      case 'CST':
        item = { hsCode: value(1).replace(/\./g, ''), description: '', origin: '', quantity: '', unit: '', value: '' };
        draft.items.push(item);
        for (const name of ['hsCode', 'origin', 'quantity', 'unit', 'value', 'description']) segmentOf.set(itemField(name), segment);
        break;
      case 'FTX':
        if (item && value(0) === 'AAA') item.description = value(3);
        break;
      case 'QTY':
        if (item) {
          item.quantity = decimal(value(0, 1));
          item.unit = value(0, 2).toUpperCase();
          segmentOf.set(itemField('quantity'), segment);
          segmentOf.set(itemField('unit'), segment);
        }
        break;
      case 'TAX':
        pendingTax = { kind: TAX_TYPES[value(1)] ?? null, segment };
        break;
      case 'MOA':
        // MOA 161 after a TAX is that tax's amount; MOA 40 in an item group is the item's customs value.
        if (value(0) === '161' && pendingTax?.kind) {
          const field = item ? itemField(pendingTax.kind) : `taxes[${draft.taxes.length}]`;
          draft.taxes.push({ kind: pendingTax.kind, amount: decimal(value(0, 1)), field });
          segmentOf.set(field, segment);
          pendingTax = null;
        } else if (value(0) === '40' && item) {
          item.value = decimal(value(0, 1));
          segmentOf.set(itemField('value'), segment);
        }
        break;
      default:
        break;
    }
  }
  return { draft, segmentOf };
}

/** 1-based line of a character offset (interchanges are often written a segment per line). */
function lineFinder(text: string): (offset: number) => number {
  let breaks: number[] | null = null;
  return (offset) => {
    breaks ??= [...text.matchAll(/\n/g)].map((match) => match.index);
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((breaks[middle] ?? 0) < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}

/** Reads the whole interchange first: a syntax fault refuses the file (422, segment and position), before anything is stored. */
export function cusdecEntries(text: string): LegacyEntry[] {
  let messages: EdifactMessage[];
  try {
    messages = parseInterchange(text).messages;
  } catch (error) {
    if (!(error instanceof EdifactError)) throw error;
    throw new AppError(422, 'legacy_edifact_invalid', { segment: error.segment, position: error.position, tag: error.tag ?? '—', rule: error.code }, { segment: error.segment, position: error.position, tag: error.tag, rule: error.code });
  }
  const lineAt = lineFinder(text);
  return messages.map((message): LegacyEntry => {
    // UNH is the segment before the message's first; a message with no segment cannot be placed closer.
    const header = { index: (message.segments[0]?.index ?? 1) - 1, offset: message.segments[0]?.offset ?? 0, tag: 'UNH' };
    const where = (segment: { index: number; offset: number; tag: string }): Location => ({ line: lineAt(segment.offset), messageReference: message.reference, segment: segment.index, tag: segment.tag });
    if (message.type !== 'CUSDEC') {
      return { kind: 'rejection', rejection: rejectionOf({ field: '', code: 'not_cusdec', params: { value: message.type } }, where(header), null), read: 1 };
    }
    const { draft, segmentOf } = draftOf(message);
    const locate = (field: string) => {
      const index = itemIndexOf(field);
      return where(segmentOf.get(field) ?? (index !== null ? segmentOf.get(`items[${index}].hsCode`) : undefined) ?? header);
    };
    return { kind: 'draft', draft, problems: [], locate, read: 1 };
  });
}
