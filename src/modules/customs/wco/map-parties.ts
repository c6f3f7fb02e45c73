import type { Element } from '@xmldom/xmldom';
import type { DeclarationInput, Party, Regime } from '../declarations/types.ts';
import { type DeclarationReading, descendant } from './declaration-reading.ts';
import { childElement, textOf } from './element-path.ts';

type Parties = Pick<DeclarationInput, 'declarant' | 'importer' | 'exporter'>;

/** An EORI (`GB553202734852`) or a national tax id (`KD-2019-004512`) starts with its country's code. */
const COUNTRY_PREFIX = /^([A-Z]{2})[0-9-]/;

/**
 * Declarant (WCO Declarant), importer (GoodsShipment/Importer) and exporter (Exporter): the
 * importer is required for imports and temporary admission, the exporter for exports.
 */
export function partiesOf(declaration: Element, shipment: Element, regime: Regime | undefined, reading: DeclarationReading): Parties {
  const importing = regime === 'import_home_use' || regime === 'temporary_admission';
  const declarant = partyOf(declaration, 'Declarant', 'declarant', true, reading);
  const importer = partyOf(shipment, 'Importer', 'importer', importing, reading);
  const exporter = partyOf(declaration, 'Exporter', 'exporter', regime === 'export', reading);
  return {
    declarant: declarant ?? { taxId: '', name: '', country: '' },
    ...(importer ? { importer } : {}),
    ...(exporter ? { exporter } : {}),
  };
}

function partyOf(holder: Element, element: string, field: string, required: boolean, reading: DeclarationReading): Party | undefined {
  const party = childElement(holder, element);
  if (!party) {
    if (required) reading.problem({ parent: holder, missing: element }, 'wco_missing');
    return undefined;
  }
  const taxId = reading.text(party, 'ID');
  const name = reading.text(party, 'Name');
  if (!taxId) {
    // A foreign seller named by name and address only: the national declaration keys parties by tax id.
    if (required) reading.problem({ parent: party, missing: 'ID' }, 'wco_missing');
    else reading.warn(party, 'party_without_id', { party: element, name: name ?? '' });
    return undefined;
  }
  const id = descendant(party, 'ID')!;
  reading.source(`${field}.taxId`, id);
  reading.source(`${field}.name`, descendant(party, 'Name') ?? id);
  // EU rules let a recognised EORI stand for name and address (DE 3/1, 3/15); the register knows the name.
  if (!name) reading.warn(party, 'party_name_from_id', { party: element, id: taxId });
  return { taxId, name: name || taxId, country: countryOf(party, element, field, id, reading) };
}

function countryOf(party: Element, element: string, field: string, id: Element, reading: DeclarationReading): string {
  const country = reading.text(party, 'Address/CountryCode', `${field}.country`);
  if (country) return country;
  const taxId = textOf(id);
  const prefix = COUNTRY_PREFIX.exec(taxId)?.[1];
  if (!prefix) {
    reading.problem({ parent: party, missing: 'Address/CountryCode' }, 'wco_missing');
    return '';
  }
  reading.warn(party, 'party_country_from_id', { party: element, id: taxId, country: prefix });
  reading.source(`${field}.country`, id);
  return prefix;
}
