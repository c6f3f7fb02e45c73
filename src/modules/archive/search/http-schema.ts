import { Type } from 'typebox';
import { Closed } from '../../../platform/http/schema.ts';

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });

export const SearchParams = Closed({
  q: Type.String({ minLength: 1, maxLength: 200, description: 'Words to find; "quoted phrase", or, -word as in web search' }),
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('ar'), Type.Literal('en')], { description: 'Only texts in this language (default: all three)' })),
  agency: Type.Optional(Code),
  recordType: Type.Optional(Type.Union([Type.Literal('application'), Type.Literal('customs_declaration'), Type.Literal('scanned_record'), Type.Literal('imported_bag')])),
  class: Type.Optional(Code),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  // Deep pages cost a ranking of everything before them; narrowing with facets is the way further.
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 1 })),
});

/** What a hit and a read say of the record (RecordSummary). */
const RecordFields = {
  identifier: Type.String(),
  title: Type.String(),
  agency: Type.String({ description: "Producing agency's code" }),
  recordType: Type.String({ description: 'application | customs_declaration' }),
  class: Type.String({ description: 'Retention class' }),
  accessLevel: Type.String({ description: 'public | restricted | confidential' }),
  storedAt: Type.Union([Type.String(), Type.Null()]),
};

const Facet = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

export const SearchResultView = Type.Object({
  total: Type.Integer({ description: 'Packages matching' }),
  exact: Type.Boolean({ description: 'False for a search matching more than 1,000 texts: the total and facet counts are then estimated from a sample of the index' }),
  hits: Type.Array(
    Type.Object({
      ...RecordFields,
      file: Type.Union([Type.String(), Type.Null()], { description: "The OCR'd file the words are on; null for the description" }),
      page: Type.Union([Type.Integer(), Type.Null()]),
      language: Type.String(),
      snippet: Type.Array(Type.Object({ text: Type.String(), match: Type.Boolean() }), { description: 'The passage, matched words flagged (plain text: render without markup)' }),
    }),
  ),
  facets: Type.Object({ agency: Facet, recordType: Facet, year: Facet, class: Facet }),
});

export const ReadablePackageView = Type.Object({
  ...RecordFields,
  files: Type.Array(Type.Object({ path: Type.String(), size: Type.Integer(), format: Type.String(), role: Type.String() })),
});

export const Reason = Type.String({ minLength: 10, maxLength: 2000 });

export const AccessLevelBody = Closed({
  level: Type.Union([Type.Literal('public'), Type.Literal('restricted'), Type.Literal('confidential')]),
  reason: Reason,
});

export const AccessRequestBody = Closed({ reason: Reason });

export const DecisionBody = Closed({
  grant: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'How long a grant lasts (default 30)' })),
});

export const AccessRequestView = Type.Object({
  id: Type.String(),
  package: Type.String(),
  title: Type.String(),
  applicant: Type.String(),
  reason: Type.String(),
  state: Type.String({ description: 'pending | granted | refused' }),
  createdAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
});

export const FilePath = Closed({ path: Type.String({ minLength: 6, maxLength: 500, pattern: '^(data|metadata)/[A-Za-z0-9._/-]+$' }) });
