import { Type } from 'typebox';
import { Closed } from '../../../platform/http/schema.ts';

const Instant = Type.String({ format: 'date-time' });
const PartialDate = Type.String({ pattern: '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' });
const Title = Type.String({ minLength: 1, maxLength: 300 });
const OcrLanguage = Type.Union([Type.Literal('fra'), Type.Literal('ara'), Type.Literal('eng')]);
const AccessLevel = Type.Union([Type.Literal('public'), Type.Literal('restricted'), Type.Literal('confidential')]);

export const BatchBody = Closed({
  title: Closed(
    { fr: Type.Optional(Title), ar: Type.Optional(Title), en: Type.Optional(Title) },
    { description: 'The records\' title in French, Arabic and/or English: at least one' },
  ),
  creatorAgency: Type.String({ pattern: '^[A-Z][A-Z_]{1,31}$', description: 'Code of the agency that produced the paper records (the packages\' agency)' }),
  subject: Type.String({ minLength: 1, maxLength: 300, description: 'What the records are: subject or record type (civil-status register, customs ledger…)' }),
  dateFrom: PartialDate,
  dateTo: Type.Optional(PartialDate),
  retentionClass: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$', description: 'A class of the classification scheme' }),
  accessLevel: Type.Optional(AccessLevel),
  languages: Type.Optional(Type.Array(OcrLanguage, { minItems: 1, maxItems: 3, uniqueItems: true, description: 'OCR languages, main language first (default fra)' })),
});

export const BatchParams = Closed({ id: Type.String({ format: 'uuid' }) });

/** A file's name as uploaded: quoted in refusals and kept in the record; the package path is made safe from it. */
export const FileParams = Closed({
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ minLength: 1, maxLength: 255, pattern: '^(?!\\.{1,2}$)[^/\\\\\\u0000-\\u001f\\u007f]+$' }),
});

export const FileQuery = Closed({
  languages: Type.Optional(Type.String({ pattern: '^(fra|ara|eng)(,(fra|ara|eng)){0,2}$', description: "This file's OCR languages, comma-separated, when they differ from the batch's" })),
});

export const BatchListQuery = Closed({
  state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('submitted'), Type.Literal('done')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const ItemView = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  name: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  mediaType: Type.String({ description: 'As identified from the signature' }),
  puid: Type.Union([Type.String(), Type.Null()], { description: 'PRONOM identifier' }),
  pageCount: Type.Integer(),
  languages: Type.Array(Type.String()),
  state: Type.String({ description: 'queued | recognising | stored | refused' }),
  progress: Type.Number({ minimum: 0, maximum: 1, description: 'OCR progress of the file, in steps of a tenth' }),
  pages: Type.Union([Type.Integer(), Type.Null()], { description: 'Pages read' }),
  confidence: Type.Union([Type.Number(), Type.Null()], { description: "Tesseract's mean word confidence over the pages, 0–100" }),
  package: Type.Union([Type.String(), Type.Null()], { description: 'The package identifier once stored' }),
  refusal: Type.Union([Type.Object({ code: Type.String(), message: Type.String(), reason: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
});

const Counts = Type.Object({ files: Type.Integer(), queued: Type.Integer(), recognising: Type.Integer(), stored: Type.Integer(), refused: Type.Integer() });

export const BatchSummary = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  state: Type.String({ description: 'open (files being added) | submitted (being read and stored) | done' }),
  agency: Type.String({ description: 'The ingesting agency' }),
  creatorAgency: Type.String({ description: 'The agency that produced the records' }),
  title: Type.Object({ fr: Type.Optional(Type.String()), ar: Type.Optional(Type.String()), en: Type.Optional(Type.String()) }),
  subject: Type.String(),
  dateFrom: Type.String(),
  dateTo: Type.Union([Type.String(), Type.Null()]),
  retentionClass: Type.String(),
  accessLevel: Type.String(),
  languages: Type.Array(Type.String()),
  createdBy: Type.String(),
  createdAt: Instant,
  submittedAt: Type.Union([Instant, Type.Null()]),
  finishedAt: Type.Union([Instant, Type.Null()]),
  counts: Counts,
});

export const BatchView = Type.Object({ ...BatchSummary.properties, items: Type.Array(ItemView) });

export const BatchChoices = Type.Object({
  agencies: Type.Array(Type.Object({ code: Type.String(), names: Type.Object({ fr: Type.String(), ar: Type.String(), en: Type.String() }) }), { description: 'Agencies whose records the archivist may ingest' }),
  retentionClasses: Type.Array(Type.Object({ code: Type.String(), title: Type.Object({ fr: Type.String(), ar: Type.String(), en: Type.String() }), periodYears: Type.Union([Type.Integer(), Type.Null()]), action: Type.String() })),
  languages: Type.Array(Type.String()),
  uploadLimitBytes: Type.Integer(),
});
