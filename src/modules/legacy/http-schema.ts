import { Type } from 'typebox';
import { Closed, Uuid } from '../../platform/http/schema.ts';
import { CHANNELS, LEGACY_REGIMES, SOURCE_FORMATS, TAX_KINDS } from './record.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Amount = Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$', description: 'Exact decimal' });

export const RegimeSchema = Type.Enum(LEGACY_REGIMES);
export const ChannelSchema = Type.Enum(CHANNELS);

const Rejection = Type.Object({
  line: Nullable(Type.Integer({ description: 'CSV: 1-based line (the header is line 1); CUSDEC: line the segment starts on' })),
  messageReference: Type.Optional(Type.String({ description: 'CUSDEC: the message reference (UNH)' })),
  segment: Type.Optional(Type.Integer({ description: 'CUSDEC: 1-based segment number in the interchange' })),
  tag: Type.Optional(Type.String()),
  reference: Nullable(Type.String({ description: 'The legacy reference, when it was read' })),
  field: Nullable(Type.String()),
  code: Type.String({ description: 'Reason code (legacy.rejection.<code>)' }),
  params: Type.Record(Type.String(), Type.String()),
  message: Type.String({ description: "The reason in the caller's language" }),
});

const runSummaryProperties = {
  id: Uuid,
  fileName: Type.String(),
  format: Type.Enum(SOURCE_FORMATS),
  digest: Type.String({ description: 'SHA-256 of the file, hex' }),
  startedAt: DateTime,
  finishedAt: Nullable(DateTime),
  startedBy: Type.String(),
  linesRead: Type.Integer({ description: 'CSV data lines or CUSDEC messages read' }),
  imported: Type.Integer(),
  alreadyPresent: Type.Integer({ description: 'Declarations whose legacy reference was already stored: left as they are' }),
  rejected: Type.Integer({ description: 'Declarations refused (each reason is listed in rejections)' }),
};
export const ImportRunSummary = Type.Object(runSummaryProperties);
export const ImportRunView = Type.Object({ ...runSummaryProperties, rejections: Type.Array(Rejection) });

export const LegacyDeclarationView = Type.Object({
  system: Type.Literal('legacy'),
  reference: Type.String(),
  sourceFormat: Type.Enum(SOURCE_FORMATS),
  officeCode: Type.String(),
  regime: RegimeSchema,
  channel: Nullable(ChannelSchema),
  lodgedAt: DateTime,
  releasedAt: Nullable(DateTime),
  importerTaxId: Nullable(Type.String()),
  declarantTaxId: Type.String(),
  currency: Type.String(),
  customsValue: Amount,
  taxes: Type.Object(Object.fromEntries(TAX_KINDS.map((kind) => [kind, Amount]))),
  taxesTotal: Amount,
  items: Type.Array(
    Type.Object({
      hsCode: Type.String(),
      description: Type.String(),
      origin: Type.String(),
      quantity: Type.Object({ amount: Amount, unit: Type.String() }),
      value: Amount,
    }),
  ),
  importRunId: Uuid,
  importedAt: DateTime,
});

export const DeclarationQuery = Closed({
  from: Type.Optional(Type.String({ format: 'date', description: 'Lodged on or after (YYYY-MM-DD, UTC)' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Lodged before (YYYY-MM-DD, UTC)' })),
  office: Type.Optional(Type.String({ pattern: '^[A-Z0-9]{2,10}$' })),
  regime: Type.Optional(RegimeSchema),
  channel: Type.Optional(ChannelSchema),
  runId: Type.Optional(Uuid),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const ImportQuery = Closed({
  fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The name the file had in the old system, kept in the report' })),
});
