/** An element to write: text content, or child elements (undefined children are left out). */
export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  content: string | readonly XmlElement[];
}

export function element(name: string, content: string | readonly (XmlElement | undefined)[], attributes: Record<string, string> = {}): XmlElement {
  return { name, attributes, content: typeof content === 'string' ? content : content.filter((child) => child !== undefined) };
}

/** An indented UTF-8 XML document. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;
}

function render(node: XmlElement, indent: string): string {
  const attributes = Object.entries(node.attributes)
    .map(([name, value]) => ` ${name}="${escaped(value)}"`)
    .join('');
  if (typeof node.content === 'string') return `${indent}<${node.name}${attributes}>${escaped(node.content)}</${node.name}>`;
  if (node.content.length === 0) return `${indent}<${node.name}${attributes}/>`;
  const children = node.content.map((child) => render(child, `${indent}  `)).join('\n');
  return `${indent}<${node.name}${attributes}>\n${children}\n${indent}</${node.name}>`;
}

/** Escapes markup, and drops the control characters XML 1.0 cannot carry at all (§2.2). */
const escaped = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
