import type { DutyBand } from '../assessment/types.ts';
import type { ExactExcise } from './schema.ts';
import { csvRows, type ShippedFile } from './shipped-files.ts';
import { COLUMNS } from './tariff-file.ts';

/**
 * How the demo country (Kandara) placed every HS subheading in a duty band, after the ECOWAS
 * common external tariff's categories: 0 % essential social goods, 5 % raw materials and capital
 * goods, 10 % intermediate goods, 20 % final consumer goods, 35 % goods the country protects.
 * The longest matching prefix wins. The shipped file reference-data/customs/tariff-kd-2026.csv is
 * written from these rules (write-demo-tariff.ts) and docs/customs/reference-data.md explains them.
 */
const BANDS: Record<DutyBand, Record<string, string>> = {
  0: {
    '30': 'pharmaceutical products (essential medicines)',
    '4901': 'printed books',
    '4902': 'newspapers and periodicals',
    '4903': "children's picture and colouring books",
  },
  5: {
    '01': 'live animals (breeding and rearing stock)',
    '0301': 'live fish (aquaculture)',
    '06': 'live plants, bulbs, seeds for planting',
    '10': 'cereals as grain for milling',
    '1107': 'malt (brewing input)',
    '12': 'oil seeds, seeds for sowing, industrial plants',
    '13': 'gums, resins, vegetable extracts',
    '14': 'vegetable plaiting materials',
    '1801': 'cocoa beans',
    '23': 'residues of the food industries, animal fodder',
    '25': 'salt, earths and stone, plastering materials',
    '26': 'ores, slag and ash',
    '27': 'mineral fuels and oils',
    '28': 'inorganic chemicals',
    '29': 'organic chemicals',
    '31': 'fertilisers',
    '3808': 'insecticides, fungicides, herbicides (farm inputs)',
    '3901': 'plastics in primary forms',
    '3902': 'plastics in primary forms',
    '3903': 'plastics in primary forms',
    '3904': 'plastics in primary forms',
    '3905': 'plastics in primary forms',
    '3906': 'plastics in primary forms',
    '3907': 'plastics in primary forms',
    '3908': 'plastics in primary forms',
    '3909': 'plastics in primary forms',
    '3910': 'plastics in primary forms',
    '3911': 'plastics in primary forms',
    '3912': 'plastics in primary forms',
    '3913': 'plastics in primary forms',
    '3914': 'plastics in primary forms',
    '4001': 'natural rubber',
    '41': 'raw hides and skins',
    '4401': 'fuel wood and wood in chips',
    '4402': 'wood charcoal',
    '4403': 'wood in the rough',
    '47': 'pulp of wood, waste paper',
    '5001': 'raw silk',
    '5002': 'raw silk',
    '5003': 'silk waste',
    '5101': 'raw wool',
    '5102': 'raw animal hair',
    '5103': 'wool waste',
    '5104': 'garnetted wool',
    '5105': 'carded or combed wool',
    '5201': 'raw cotton',
    '5202': 'cotton waste',
    '5203': 'carded or combed cotton',
    '7201': 'pig iron and primary iron and steel',
    '7202': 'ferro-alloys',
    '7203': 'ferrous products from direct reduction',
    '7204': 'ferrous waste and scrap',
    '7205': 'granules and powders of iron',
    '7206': 'iron and non-alloy steel in ingots',
    '8201': 'hand tools for agriculture',
    '84': 'machinery and mechanical appliances (capital goods)',
    '8501': 'electric motors and generators',
    '8502': 'electric generating sets',
    '8503': 'parts of motors and generators',
    '8504': 'transformers and converters',
    '86': 'railway locomotives and rolling stock',
    '8701': 'tractors',
    '88': 'aircraft',
    '89': 'ships and boats',
    '90': 'optical, measuring and medical instruments',
    '9402': 'medical and surgical furniture',
  },
  10: {
    '05': 'products of animal origin for industry',
    '1006': 'rice (staple food, kept at the intermediate rate)',
    '1701': 'cane or beet sugar (input to the food industry)',
    '1802': 'cocoa shells and waste',
    '1803': 'cocoa paste',
    '2401': 'unmanufactured tobacco',
    '2523': 'cement',
    '32': 'tanning and dyeing extracts, paints, inks',
    '3301': 'essential oils',
    '3402': 'surface-active agents',
    '35': 'albuminoidal substances, glues, enzymes',
    '37': 'photographic goods',
    '38': 'chemical products n.e.c.',
    '39': 'plastics',
    '40': 'rubber',
    '4104': 'tanned leather',
    '4105': 'tanned leather',
    '4106': 'tanned leather',
    '4107': 'leather further prepared',
    '4112': 'leather further prepared',
    '4113': 'leather further prepared',
    '4114': 'chamois and patent leather',
    '4115': 'composition leather',
    '44': 'wood and articles of wood',
    '45': 'cork',
    '48': 'paper and paperboard',
    '50': 'silk yarn and fabrics',
    '51': 'wool yarn and fabrics',
    '52': 'cotton yarn',
    '53': 'vegetable textile fibres',
    '54': 'man-made filaments',
    '55': 'man-made staple fibres',
    '56': 'wadding, felt, twine, ropes',
    '59': 'impregnated and coated fabrics, industrial textiles',
    '68': 'articles of stone, plaster, cement',
    '70': 'glass',
    '72': 'iron and steel',
    '73': 'articles of iron or steel',
    '74': 'copper',
    '75': 'nickel',
    '76': 'aluminium',
    '78': 'lead',
    '79': 'zinc',
    '80': 'tin',
    '81': 'other base metals',
    '82': 'tools of base metal',
    '85': 'electrical machinery and equipment',
    '8702': 'buses and coaches',
    '8704': 'goods vehicles',
    '8708': 'parts of motor vehicles',
    '8716': 'trailers',
  },
  20: {
    '03': 'fish and seafood',
    '04': 'eggs, honey and other edible animal products',
    '07': 'vegetables',
    '08': 'fruit and nuts',
    '09': 'coffee, tea, spices',
    '11': 'products of the milling industry (flour)',
    '15': 'fats and oils',
    '16': 'preparations of fish and seafood',
    '17': 'sugars and confectionery',
    '18': 'cocoa preparations (chocolate)',
    '19': 'preparations of cereals, pastry',
    '20': 'preparations of vegetables and fruit',
    '21': 'miscellaneous edible preparations',
    '22': 'beverages, spirits and vinegar',
    '24': 'manufactured tobacco',
    '33': 'perfumery and cosmetics',
    '34': 'soap, washing preparations, candles',
    '36': 'explosives, matches, pyrotechnics',
    '3923': 'plastic packing articles',
    '3924': 'plastic household articles',
    '3925': "plastic builders' ware",
    '3926': 'other articles of plastics',
    '42': 'articles of leather, travel goods',
    '43': 'furskins',
    '4418': "builders' joinery of wood",
    '46': 'basketware',
    '4818': 'toilet paper and household paper articles',
    '49': 'printed matter other than books and newspapers',
    '57': 'carpets',
    '58': 'special woven fabrics, lace, embroidery',
    '60': 'knitted fabrics',
    '61': 'knitted apparel',
    '62': 'apparel, not knitted',
    '63': 'made-up textile articles',
    '64': 'footwear',
    '65': 'headgear',
    '66': 'umbrellas',
    '67': 'feathers, artificial flowers, wigs',
    '69': 'ceramic products',
    '7013': 'glassware for the table and kitchen',
    '71': 'pearls, precious stones and metals, jewellery',
    '7321': 'stoves and cookers',
    '7323': 'household articles of iron or steel',
    '8211': 'knives',
    '8215': 'spoons, forks and other kitchenware',
    '83': 'miscellaneous articles of base metal',
    '8415': 'air conditioners',
    '8418': 'refrigerators and freezers',
    '8450': 'household washing machines',
    '8516': 'household electric heating appliances',
    '8528': 'television receivers and monitors',
    '87': 'vehicles: passenger cars, motorcycles, bicycles',
    '8903': 'yachts and pleasure boats',
    '91': 'clocks and watches',
    '92': 'musical instruments',
    '93': 'arms and ammunition',
    '94': 'furniture, bedding, lamps',
    '95': 'toys, games and sports requisites',
    '96': 'miscellaneous manufactured articles',
    '97': "works of art and collectors' pieces",
  },
  35: {
    '02': 'meat and edible offal (local livestock)',
    '0401': 'milk and cream (local dairy)',
    '0402': 'milk and cream, concentrated (local dairy)',
    '0403': 'yoghurt and fermented milk (local dairy)',
    '0404': 'whey (local dairy)',
    '0405': 'butter (local dairy)',
    '0406': 'cheese (local dairy)',
    '1601': 'sausages (local meat processing)',
    '1602': 'prepared or preserved meat (local meat processing)',
    '5208': 'woven cotton fabrics (local weaving and wax prints)',
    '5209': 'woven cotton fabrics (local weaving and wax prints)',
    '5210': 'woven cotton fabrics (local weaving and wax prints)',
    '5211': 'woven cotton fabrics (local weaving and wax prints)',
    '5212': 'woven cotton fabrics (local weaving and wax prints)',
    '6309': 'worn clothing (local garment industry)',
  },
};

/** Excise on chosen lines: ad valorem in per cent of the customs value, or specific in XOF per unit (UN/ECE Rec. 20). */
const EXCISES: Record<string, ExactExcise> = {
  '2202': { kind: 'ad_valorem', percent: '5' },
  '2203': { kind: 'specific', amountPerUnit: '100', unit: 'LTR' },
  '2204': { kind: 'specific', amountPerUnit: '150', unit: 'LTR' },
  '2205': { kind: 'specific', amountPerUnit: '150', unit: 'LTR' },
  '2206': { kind: 'specific', amountPerUnit: '150', unit: 'LTR' },
  '220710': { kind: 'specific', amountPerUnit: '500', unit: 'LTR' },
  '2208': { kind: 'specific', amountPerUnit: '500', unit: 'LTR' },
  '2402': { kind: 'ad_valorem', percent: '45' },
  '2403': { kind: 'ad_valorem', percent: '45' },
  '3303': { kind: 'ad_valorem', percent: '15' },
  '7113': { kind: 'ad_valorem', percent: '15' },
};

/** No VAT on essential medicines and on books and newspapers, as WAEMU countries exempt them. */
const VAT_EXEMPT = ['30', '4901', '4902', '4903'];
/** Outside the community preference: mineral fuels, precious stones and metals, arms. */
const NO_PREFERENCE = ['27', '71', '93'];
const VAT_PERCENT = '18';

export const DEMO_TARIFF_METADATA = {
  label: 'Tarif des douanes de Kandara 2026',
  valid_from: '2026-01-01',
  statistical_fee_percent: '1',
  community_levy_percent: '0.5',
};

/** The value of the longest prefix of `code` the table names. */
function longestPrefix<T>(table: Record<string, T>, code: string): T | undefined {
  for (let length = code.length; length >= 2; length -= 1) {
    const found = table[code.slice(0, length)];
    if (found !== undefined) return found;
  }
  return undefined;
}

const BAND_OF: Record<string, DutyBand> = Object.fromEntries(Object.entries(BANDS).flatMap(([band, prefixes]) => Object.keys(prefixes).map((prefix) => [prefix, Number(band) as DutyBand])));

/** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
const csvRow = (cells: readonly (string | number | boolean)[]) => cells.map((cell) => (/[",\n\r]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(',');

export interface DemoTariffLine {
  band: DutyBand;
  vatPercent: string;
  excise: ExactExcise | null;
  communityPreference: boolean;
}

/** The line the rules give a subheading; undefined for a code no rule covers (UN Comtrade's chapter 99, not goods). */
export function demoTariffLine(hs6: string): DemoTariffLine | undefined {
  const band = longestPrefix(BAND_OF, hs6);
  if (band === undefined) return undefined;
  const matches = (prefixes: readonly string[]) => prefixes.some((prefix) => hs6.startsWith(prefix));
  return { band, vatPercent: matches(VAT_EXEMPT) ? '0' : VAT_PERCENT, excise: longestPrefix(EXCISES, hs6) ?? null, communityPreference: !matches(NO_PREFERENCE) };
}

/** The shipped national tariff file: each subheading of the nomenclature a rule covers, extended to one national line `XXXXXX0000`. */
export function demoTariffCsv(nomenclature: ShippedFile): string {
  const subheadings = csvRows(nomenclature)
    .filter((row) => row.level === '6')
    .map((row) => ({ code: row.hscode ?? '', description: row.description ?? '' }));
  const preamble = [
    '# National tariff of the Republic of Kandara, written from the rules in docs/customs/reference-data.md',
    ...Object.entries(DEMO_TARIFF_METADATA).map(([key, value]) => `# ${key}: ${value}`),
  ];
  const rows = subheadings.flatMap(({ code, description }) => {
    const line = demoTariffLine(code);
    if (!line) return [];
    const excise = line.excise;
    const rate = excise === null ? '' : excise.kind === 'ad_valorem' ? excise.percent : excise.amountPerUnit;
    return [[`${code}0000`, code, line.band, line.vatPercent, excise?.kind ?? '', rate, excise?.kind === 'specific' ? excise.unit : '', line.communityPreference, description]];
  });
  return [...preamble, csvRow(COLUMNS), ...rows.map(csvRow)].join('\n') + '\n';
}
