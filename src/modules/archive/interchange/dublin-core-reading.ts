import { DOMParser } from '@xmldom/xmldom';

/** The Dublin Core elements namespace (DCMES 1.1), whatever container holds them (oai_dc, a bag's own). */
const DC = 'http://purl.org/dc/elements/1.1/';
const XML = 'http://www.w3.org/XML/1998/namespace';

/** What an import takes from a bag's Dublin Core: each element's values, with their xml:lang where given. */
export interface ReadDublinCore {
  values(element: string): { text: string; lang: string | null }[];
}

export type DublinCoreReading = { ok: true; dc: ReadDublinCore } | { ok: false; reason: string };

/**
 * Reads simple Dublin Core from XML text: every element in the DC namespace, anywhere in the
 * document. A DOCTYPE is refused (it could declare entities); what does not parse is reported, not
 * thrown, as the bag keeps the file anyway.
 */
export function readDublinCore(xml: string): DublinCoreReading {
  let failure = '';
  const document = (() => {
    try {
      return new DOMParser({
        onError: (level, message) => {
          if (level !== 'warning') failure ||= message;
        },
      }).parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml');
    } catch (error) {
      failure ||= (error as Error).message;
      return null;
    }
  })();
  if (!document || failure) return { ok: false, reason: failure || 'not XML' };
  if (document.doctype) return { ok: false, reason: 'a DOCTYPE declaration is not read' };
  const elements = [...document.getElementsByTagNameNS(DC, '*')];
  return {
    ok: true,
    dc: {
      values: (name) =>
        elements
          .filter((e) => e.localName === name)
          .map((e) => ({ text: (e.textContent ?? '').trim(), lang: e.getAttributeNS(XML, 'lang') || null }))
          .filter((v) => v.text !== ''),
    },
  };
}
