import type { ProcedureDefinition } from './definition.ts';

/** Lower case without diacritics (é → e; Arabic harakat dropped), so "Phyto" finds "phytosanitaire". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .toLowerCase();
}

export function searchTextOf(definition: ProcedureDefinition): string {
  const texts = [definition.title, definition.description, ...(definition.keywords ? [definition.keywords] : [])];
  return foldForSearch(texts.flatMap((t) => [t.fr, t.ar, t.en]).join(' \n '));
}
