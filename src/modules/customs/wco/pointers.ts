import { DOMParser, type Element } from '@xmldom/xmldom';
import { childElements, elementChildren, textOf } from './element-path.ts';
import { schemaFiles } from './schema-files.ts';

/**
 * A WCO error pointer step (WCO Pointer, class 97A): the class (DocumentSectionCode, the WCO ID
 * of a class such as `67A` GoodsShipment), which occurrence of it, and for the last step the data
 * element (TagID, its WCO ID such as `D005` for AdditionalDocument/ID).
 */
export interface WcoPointer {
  sequence: number;
  section: string;
  tag?: string;
}

const XS = 'http://www.w3.org/2001/XMLSchema';
const DEC = 'declaration/WCO_DEC_2_DMS.xsd';

interface WcoEntry {
  id: string;
  isClass: boolean;
}

let entries: Map<string, WcoEntry> | undefined;

/**
 * The pointer steps for an element path (`/MetaData/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/Classification[1]/ID`),
 * from the WCO IDs the DEC schema annotates each element with; undefined for a path outside a Declaration.
 */
export function wcoPointersOf(elementPath: string): WcoPointer[] | undefined {
  const segments = elementPath.split('/').filter((segment) => segment && !segment.startsWith('@'));
  const start = segments.findIndex((segment) => /^Declaration(\[\d+\])?$/.test(segment));
  if (start === -1) return undefined;
  entries ??= readWcoIds();
  const pointers: WcoPointer[] = [];
  let schemaPath = '';
  for (const segment of segments.slice(start)) {
    const [, name = '', index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(segment) ?? [];
    schemaPath = schemaPath ? `${schemaPath}/${name}` : name;
    const entry = entries.get(schemaPath);
    if (!entry) break;
    const last = pointers.at(-1);
    if (entry.isClass) pointers.push({ sequence: index ? Number(index) : 1, section: entry.id });
    else if (last && !last.tag) last.tag = entry.id;
  }
  return pointers;
}

function readWcoIds(): Map<string, WcoEntry> {
  const found = new Map<string, WcoEntry>();
  const schema = new DOMParser().parseFromString(schemaFiles().get(DEC) ?? '', 'text/xml').documentElement;
  if (!schema) return found;
  const root = xsChildren(schema, 'element').find((element) => element.getAttribute('name') === 'Declaration');
  const rootType = xsChildren(schema, 'complexType').find((type) => type.getAttribute('name') === 'Declaration');
  if (root && rootType) {
    found.set('Declaration', { id: wcoIdOf(root), isClass: true });
    collect(rootType, 'Declaration', found);
  }
  return found;
}

/** Walks the elements declared inside `type` (through sequences and choices), depth first. */
function collect(type: Element, path: string, found: Map<string, WcoEntry>): void {
  for (const part of elementChildren(type)) {
    if (part.namespaceURI !== XS) continue;
    if (part.localName !== 'element') {
      if (part.localName === 'sequence' || part.localName === 'choice') collect(part, path, found);
      continue;
    }
    const elementPath = `${path}/${part.getAttribute('name')}`;
    const inner = xsChildren(part, 'complexType')[0];
    const hasChildren = inner !== undefined && xsChildren(inner, 'sequence').length + xsChildren(inner, 'choice').length > 0;
    found.set(elementPath, { id: wcoIdOf(part), isClass: hasChildren });
    if (inner) collect(inner, elementPath, found);
  }
}

const xsChildren = (parent: Element, name: string) => childElements(parent, name).filter((child) => child.namespaceURI === XS);

function wcoIdOf(element: Element): string {
  const annotation = xsChildren(element, 'annotation')[0];
  const id = annotation?.getElementsByTagNameNS('*', 'WCOID')[0];
  return id ? textOf(id) : '';
}
