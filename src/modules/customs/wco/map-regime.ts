import type { Element } from '@xmldom/xmldom';
import type { Regime } from '../declarations/types.ts';
import type { NationalXmlConfig } from './config.ts';
import { type DeclarationReading, descendant } from './declaration-reading.ts';
import { childElement, childElements, textOf } from './element-path.ts';

/** DE 1/11 "additional procedure" codes have three characters; `000` says there is none. */
const isAdditionalProcedure = (code: string) => code.length === 3;

/**
 * The regime of the declaration: each item's requested procedure (WCO GovernmentProcedure,
 * DE 1/10) through the national table, one regime for all items, on a declaration type
 * (TypeCode, DE 1/1 + 1/2: `IMA` is an import, standard frontier declaration) that allows it.
 */
export function regimeOf(declaration: Element, goodsItems: readonly Element[], config: NationalXmlConfig, reading: DeclarationReading): Regime | undefined {
  const typeCode = reading.required(declaration, 'TypeCode');
  let first: { code: string; regime: Regime } | undefined;
  for (const item of goodsItems) {
    const procedure = requestedProcedure(item, reading);
    if (!procedure) continue;
    const code = textOf(procedure);
    const known = config.procedures[code];
    if (!known) {
      reading.problem(procedure, 'wco_procedure_unknown', { code, known: Object.keys(config.procedures).join(', ') });
    } else if (!first) {
      first = { code, regime: known.regime };
      reading.source('regime', procedure);
      if (typeCode && !known.declarationTypes.includes(typeCode.slice(0, 2))) {
        reading.problem(descendant(declaration, 'TypeCode')!, 'wco_procedure_type_mismatch', { procedure: code, type: typeCode, expected: known.declarationTypes.join(', ') });
      }
    } else if (known.regime !== first.regime) {
      reading.problem(procedure, 'wco_procedure_mixed', { procedure: code, first: first.code });
    }
  }
  return first?.regime;
}

/** The item's requested procedure code element; additional procedures other than `000` are reported as not applied. */
function requestedProcedure(item: Element, reading: DeclarationReading): Element | undefined {
  let requested: Element | undefined;
  for (const procedure of childElements(item, 'GovernmentProcedure')) {
    const current = childElement(procedure, 'CurrentCode');
    if (!current) continue;
    const code = textOf(current);
    if (!isAdditionalProcedure(code)) requested ??= current;
    else if (code !== '000') reading.warn(current, 'additional_procedure_ignored', { code });
  }
  if (!requested) reading.problem({ parent: item, missing: 'GovernmentProcedure/CurrentCode' }, 'wco_missing');
  return requested;
}
