import { EdifactError, parseInterchange, valueAt, type EdifactMessage, type EdifactSegment } from '../../platform/edifact/index.ts';
import type { CargoManifest, ManifestLine } from './manifest.ts';

/**
 * Reads the documented CUSCAR subset (docs/customs/port-manifests.md) into a manifest: one
 * CUSCAR message per interchange; header BGM, DTM, TDT, LOC; then one consignment per CNI with
 * its RFF, NAD+CN, GID, FTX+AAA, MEA and EQD. Other segments are skipped. Each fault names the
 * segment it is in, like a syntax fault.
 */
export function readCuscar(text: string): CargoManifest {
  const interchange = parseInterchange(text);
  const [message, extra] = interchange.messages;
  if (!message || extra) {
    const at = extra?.segments[0] ?? message?.segments[0];
    throw new EdifactError('cuscar_one_message', { segment: at?.index ?? 1, position: at?.offset ?? 0, tag: at?.tag ?? null }, 'a manifest interchange carries exactly one CUSCAR message');
  }
  if (message.type !== 'CUSCAR') {
    const first = message.segments[0];
    throw new EdifactError('cuscar_wrong_message_type', { segment: first?.index ?? 2, position: first?.offset ?? 0, tag: first?.tag ?? 'UNH' }, `${message.type} is not CUSCAR`);
  }
  return manifestOf(message);
}

const fault = (segment: EdifactSegment, code: string, explanation: string) => new EdifactError(code, { segment: segment.index, position: segment.offset, tag: segment.tag }, explanation);

function manifestOf(message: EdifactMessage): CargoManifest {
  const header: Partial<Omit<CargoManifest, 'lines'>> = {};
  const lines: ManifestLine[] = [];
  let line: ManifestLine | null = null;
  const inConsignment = (segment: EdifactSegment) => {
    if (!line) throw fault(segment, 'cuscar_outside_consignment', `${segment.tag} comes before the first CNI`);
    return line;
  };
  for (const segment of message.segments) {
    switch (segment.tag) {
      case 'BGM':
        header.reference = required(segment, 1, 'document number');
        break;
      case 'DTM':
        // 132 estimated arrival, 178 actual arrival (UNCL 2005); format 102 = CCYYMMDD.
        if (['132', '178'].includes(valueAt(segment, 0, 0))) header.arrivalDate = isoDate(segment);
        break;
      case 'TDT':
        Object.assign(header, transportOf(segment));
        break;
      case 'LOC':
        // 11 = place/port of discharge (UNCL 3227).
        if (valueAt(segment, 0, 0) === '11') header.portOfArrival = required(segment, 1, 'location');
        break;
      case 'CNI':
        line = { billOfLading: valueAt(segment, 1, 0), consignee: { name: '', taxId: '' }, containers: [], packages: { count: 0, kind: '' }, grossMassKg: '0', description: '' };
        lines.push(line);
        break;
      case 'RFF':
        // BM bill of lading, AWB air waybill: preferred to the CNI's own document number.
        if (['BM', 'AWB'].includes(valueAt(segment, 0, 0))) inConsignment(segment).billOfLading = required(segment, 0, 'reference', 1);
        break;
      case 'NAD':
        if (valueAt(segment, 0, 0) === 'CN') {
          inConsignment(segment).consignee = { taxId: required(segment, 1, 'party identification'), name: valueAt(segment, 3, 0) || valueAt(segment, 2, 0) };
        }
        break;
      case 'GID':
        addPackages(segment, inConsignment(segment));
        break;
      case 'FTX':
        if (valueAt(segment, 0, 0) === 'AAA') {
          const current = inConsignment(segment);
          const text = (segment.elements[3] ?? []).filter(Boolean).join(' ');
          current.description = current.description ? `${current.description}; ${text}` : text;
        }
        break;
      case 'MEA':
        addGrossMass(segment, inConsignment(segment));
        break;
      case 'EQD':
        if (valueAt(segment, 0, 0) === 'CN') inConsignment(segment).containers.push(required(segment, 1, 'container number'));
        break;
      default:
        break;
    }
  }
  const missing = (['reference', 'transportMode', 'meansId', 'voyage', 'portOfArrival', 'arrivalDate'] as const).find((key) => !header[key]);
  if (missing) {
    // Reported at the message's first segment, where the header should have been given.
    const first = message.segments[0];
    throw new EdifactError('cuscar_missing_header', { segment: first?.index ?? 2, position: first?.offset ?? 0, tag: first?.tag ?? null }, `the message does not give the manifest's ${missing} (BGM, DTM+132, TDT, LOC+11)`);
  }
  return { ...(header as Omit<CargoManifest, 'lines'>), lines };
}

function required(segment: EdifactSegment, element: number, what: string, component = 0): string {
  const value = valueAt(segment, element, component);
  if (!value) throw fault(segment, 'cuscar_missing_value', `${segment.tag} has no ${what}`);
  return value;
}

function isoDate(segment: EdifactSegment): string {
  const value = valueAt(segment, 0, 1);
  if (!/^\d{8}$/.test(value)) throw fault(segment, 'cuscar_bad_value', `DTM date ${value} is not CCYYMMDD`);
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

/** TDT+20 main carriage: voyage (8028), mode (C220: 1 sea, 4 air), means id (C222 8213). */
function transportOf(segment: EdifactSegment): Partial<CargoManifest> {
  const mode = valueAt(segment, 2, 0);
  if (mode !== '1' && mode !== '4') throw fault(segment, 'cuscar_bad_value', `TDT transport mode ${mode} is neither 1 (sea) nor 4 (air)`);
  return { voyage: required(segment, 1, 'voyage number'), transportMode: mode === '1' ? 'sea' : 'air', meansId: required(segment, 7, 'transport means identification') };
}

/** GID: packages (C213: 7224 count, 7065 kind); several GIDs of one consignment add up, of one kind. */
function addPackages(segment: EdifactSegment, line: ManifestLine): void {
  const count = valueAt(segment, 1, 0);
  const kind = valueAt(segment, 1, 1);
  if (!/^\d{1,8}$/.test(count) || !kind) throw fault(segment, 'cuscar_bad_value', `GID packages ${count}:${kind} need a count and a kind`);
  if (line.packages.kind && line.packages.kind !== kind) throw fault(segment, 'cuscar_mixed_packages', `packages of kind ${kind} after ${line.packages.kind} in one consignment`);
  line.packages = { count: line.packages.count + Number(count), kind };
}

/** MEA+WT/AAE, dimension G or AAB (gross weight), in KGM or TNE; several add up. */
function addGrossMass(segment: EdifactSegment, line: ManifestLine): void {
  if (!['G', 'AAB'].includes(valueAt(segment, 1, 0))) return;
  const unit = valueAt(segment, 2, 0);
  const value = valueAt(segment, 2, 1).replace(',', '.');
  if (!['KGM', 'TNE'].includes(unit) || !/^\d{1,12}(\.\d{1,3})?$/.test(value)) throw fault(segment, 'cuscar_bad_value', `gross mass ${unit}:${value} is not a mass in KGM or TNE`);
  const kg = Number(value) * (unit === 'TNE' ? 1000 : 1);
  line.grossMassKg = String(Math.round((Number(line.grossMassKg) + kg) * 1000) / 1000);
}
