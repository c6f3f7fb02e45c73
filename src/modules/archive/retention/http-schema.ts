import { Type } from 'typebox';
import { Closed, Uuid } from '../../../platform/http/schema.ts';
import { Identifier } from '../http-schema.ts';

const Instant = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Localised = Type.Object({ fr: Type.String(), ar: Type.String(), en: Type.String() });

export const Reason = Closed({ reason: Type.String({ minLength: 3, maxLength: 1000, description: 'Why: cited in the audit trail, the PREMIS event or the certificate' }) });

export const Proposal = Closed({
  packages: Type.Array(Identifier, { minItems: 1, maxItems: 500, description: 'Package identifiers to destroy' }),
  reason: Type.String({ minLength: 3, maxLength: 1000 }),
});

export const Decision = Closed({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('refuse')]),
  reason: Type.String({ minLength: 3, maxLength: 1000 }),
});

export const DueQuery = Closed({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const ProposalParams = Closed({ id: Uuid });

export const ProposalQuery = Closed({ state: Type.Optional(Type.Union([Type.Literal('proposed'), Type.Literal('approved'), Type.Literal('refused')], { default: 'proposed' })) });

export const HoldView = Type.Object({ package: Type.String(), reason: Type.String(), placedBy: Type.String(), placedAt: Instant });

export const HoldInForceView = Type.Object({ ...HoldView.properties, title: Type.String() });

export const DueItemView = Type.Object({
  identifier: Type.String(),
  title: Type.String(),
  source: Type.String(),
  retentionClass: Type.String(),
  action: Type.String({ description: 'review | transfer | destroy' }),
  triggerAt: Instant,
  dueOn: Day,
  onHold: Type.Boolean(),
  proposal: Nullable(Type.String({ description: 'The open proposal that names the package' })),
});

const Certificate = Nullable(Type.Object({ id: Type.String(), number: Nullable(Type.String()) }));

export const ProposalView = Type.Object({
  id: Type.String(),
  action: Type.String(),
  reason: Type.String(),
  state: Type.String({ description: 'proposed | approved | refused' }),
  packages: Type.Array(Type.String()),
  proposedBy: Type.String(),
  proposedAt: Instant,
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Instant),
  decisionReason: Nullable(Type.String()),
  certificate: Certificate,
});

export const PackageRetentionView = Type.Object({
  identifier: Type.String(),
  state: Type.String(),
  retentionClass: Type.Object({ code: Type.String(), title: Nullable(Localised), trigger: Nullable(Type.String()), periodYears: Nullable(Type.Integer()), action: Nullable(Type.String()) }),
  triggerAt: Instant,
  dueOn: Nullable(Day),
  holds: Type.Array(Type.Object({ reason: Type.String(), placedBy: Type.String(), placedAt: Instant, liftedBy: Nullable(Type.String()), liftedAt: Nullable(Instant), liftReason: Nullable(Type.String()) })),
  disposition: Nullable(Type.Object({ id: Type.String(), state: Type.String(), reason: Type.String(), proposedBy: Type.String(), decidedBy: Nullable(Type.String()), decidedAt: Nullable(Instant), certificate: Certificate })),
});
