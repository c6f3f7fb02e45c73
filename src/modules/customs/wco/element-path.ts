import type { Element } from '@xmldom/xmldom';

/**
 * XPath-like path of an element by local names, `[n]` (1-based) where siblings share the name:
 * `/MetaData/Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/Commodity/Classification[1]/ID`.
 */
export function elementPath(element: Element): string {
  const segments: string[] = [];
  for (let at: Element | null = element; at; at = at.parentElement) segments.unshift(segmentOf(at));
  return `/${segments.join('/')}`;
}

function segmentOf(element: Element): string {
  const name = element.localName ?? element.tagName;
  const position = element.parentElement ? positionAmongNamesakes(element, element.parentElement) : undefined;
  return position && position.of > 1 ? `${name}[${position.index}]` : name;
}

const positions = new WeakMap<Element, { index: number; of: number }>();

/** Numbers all of `parent`'s children at once, so paths of a 999-item declaration stay linear. */
function positionAmongNamesakes(element: Element, parent: Element): { index: number; of: number } | undefined {
  if (!positions.has(element)) {
    const byName = new Map<string, Element[]>();
    for (const child of elementChildren(parent)) {
      const namesakes = byName.get(child.localName ?? '');
      if (namesakes) namesakes.push(child);
      else byName.set(child.localName ?? '', [child]);
    }
    for (const namesakes of byName.values()) namesakes.forEach((child, i) => positions.set(child, { index: i + 1, of: namesakes.length }));
  }
  return positions.get(element);
}

export function* elementChildren(parent: Element): Generator<Element> {
  for (let child = parent.firstChild; child; child = child.nextSibling) if (child.nodeType === child.ELEMENT_NODE) yield child as Element;
}

export function childElements(parent: Element, name: string): Element[] {
  return [...elementChildren(parent)].filter((child) => child.localName === name);
}

export const childElement = (parent: Element, name: string): Element | undefined => {
  for (const child of elementChildren(parent)) if (child.localName === name) return child;
  return undefined;
};

/** Text of a leaf element, trimmed (the WCO types are tokens: surrounding whitespace carries nothing). */
export const textOf = (element: Element): string => (element.textContent ?? '').trim();
