import { writeInterchange } from '../../platform/edifact/index.ts';
import type { CargoManifest } from './manifest.ts';

/**
 * A manifest written as CUSCAR D.95B in the subset readCuscar reads: what the demo port system
 * sends, and the fixtures proving both forms say the same.
 */
export function writeCuscar(manifest: CargoManifest, envelope: { sender: string; recipient: string; controlReference: string; preparedAt: string }): string {
  const segments = [
    { tag: 'BGM', elements: [['85'], [manifest.reference], ['9']] },
    { tag: 'DTM', elements: [['132', manifest.arrivalDate.replace(/-/g, ''), '102']] },
    { tag: 'TDT', elements: [['20'], [manifest.voyage], [manifest.transportMode === 'sea' ? '1' : '4'], [], [], [], [], [manifest.meansId]] },
    { tag: 'LOC', elements: [['11'], [manifest.portOfArrival]] },
    ...manifest.lines.flatMap((line, index) => [
      { tag: 'CNI', elements: [[String(index + 1)], [line.billOfLading]] },
      { tag: 'RFF', elements: [[manifest.transportMode === 'sea' ? 'BM' : 'AWB', line.billOfLading]] },
      { tag: 'NAD', elements: [['CN'], [line.consignee.taxId], [], [line.consignee.name]] },
      { tag: 'GID', elements: [['1'], [String(line.packages.count), line.packages.kind]] },
      { tag: 'FTX', elements: [['AAA'], [], [], [line.description]] },
      { tag: 'MEA', elements: [['WT'], ['G'], ['KGM', line.grossMassKg]] },
      ...line.containers.map((container) => ({ tag: 'EQD', elements: [['CN'], [container]] })),
    ]),
  ];
  return writeInterchange({ ...envelope, messages: [{ reference: '1', identifier: ['CUSCAR', 'D', '95B', 'UN'], segments }] });
}
