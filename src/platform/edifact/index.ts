/**
 * UN/EDIFACT syntax (ISO 9735, syntax versions 3 and 4): a pure parser of interchanges into
 * messages and segments, and a writer for fixtures and simulated partners. Message-level meaning
 * (CUSCAR, CUSDEC…) belongs to the modules that consume it.
 */
export { EdifactError } from './error.ts';
export { parseInterchange, type EdifactInterchange, type EdifactMessage } from './interchange.ts';
export type { EdifactSegment } from './segments.ts';
export { valueAt } from './envelope.ts';
export { LEVEL_A, type ServiceCharacters } from './service-characters.ts';
export { escapeValue, writeInterchange, writeSegment, type MessageToWrite } from './write.ts';
