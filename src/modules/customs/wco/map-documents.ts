import type { Element } from '@xmldom/xmldom';
import type { DocumentType } from '../declarations/types.ts';
import type { NationalXmlConfig } from './config.ts';
import type { DeclarationReading } from './declaration-reading.ts';
import { childElements } from './element-path.ts';

/** A document cited in the XML, with the element it came from. */
export interface CitedDocumentElement {
  type: DocumentType;
  reference: string;
  element: Element;
}

/**
 * The national documents among `holder`'s AdditionalDocument elements (document code =
 * CategoryCode + TypeCode, as in DE 2/3: `N` + `935` is `N935`); other codes are reported and left out.
 */
export function citedDocuments(holder: Element, config: NationalXmlConfig, reading: DeclarationReading): CitedDocumentElement[] {
  return childElements(holder, 'AdditionalDocument').flatMap((document) => {
    const code = `${reading.text(document, 'CategoryCode') ?? ''}${reading.text(document, 'TypeCode') ?? ''}`;
    const type = config.documentCodes[code];
    if (!type) {
      reading.warn(document, 'document_ignored', { code, reference: reading.text(document, 'ID') ?? '' });
      return [];
    }
    return [{ type, reference: reading.required(document, 'ID'), element: document }];
  });
}
