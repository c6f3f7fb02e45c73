import { Type } from 'typebox';

/** The applications API's shapes (mirrored for the browser in web/src/applications/types.ts). */
const Localised = Type.Object({ fr: Type.String(), ar: Type.String(), en: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const PersonRef = Type.Object({ id: Type.String(), label: Type.String() });

export const DeadlineStatus = Type.Union([Type.Literal('on_time'), Type.Literal('due_soon'), Type.Literal('overdue')]);

export const ApplicationSummary = Type.Object({
  id: Type.String(),
  reference: Type.String({ description: 'what people quote: KD-2026-000123' }),
  procedureId: Type.String(),
  procedureVersion: Type.Integer({ description: 'the version the file is pinned to' }),
  procedureTitle: Localised,
  agency: Type.String(),
  holdingAgency: Type.String({ description: 'agency whose staff hold the file now' }),
  state: Type.String({ description: '`draft`, then a state of the pinned workflow' }),
  stateLabel: Localised,
  holder: Type.Union([Type.Literal('agency'), Type.Literal('applicant'), Type.Literal('none')]),
  outcome: Nullable(Type.Union([Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('withdrawn')])),
  applicant: PersonRef,
  company: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  submittedAt: Nullable(Type.String()),
  dueOn: Nullable(Type.String({ description: 'due day of the current step, counted in working days' })),
  deadlineStatus: Nullable(DeadlineStatus),
  assignedTo: Nullable(PersonRef),
  escalated: Type.Boolean(),
  updatedAt: Type.String(),
});

export const AttachmentView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  fileName: Type.String(),
  size: Type.Integer(),
  mediaType: Type.String(),
  uploadedAt: Type.String(),
  uploadedBy: PersonRef,
});

export const TimelineEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  kind: Type.String(),
  action: Nullable(Type.String()),
  label: Nullable(Localised),
  fromState: Nullable(Type.String()),
  toState: Nullable(Type.String()),
  actor: Type.Object({ id: Type.String(), label: Type.String(), kind: Type.String() }),
  comment: Nullable(Type.String()),
  internal: Type.Boolean({ description: 'staff-only note, never shown to the applicant' }),
});

export const FeeView = Type.Object({
  total: Type.Integer(),
  currency: Type.String(),
  lines: Type.Array(Type.Object({ label: Localised, amount: Type.Integer() })),
  paid: Type.Boolean(),
  /** The workflow waits for this fee now: the applicant may pay it. */
  due: Type.Boolean(),
});

export const ApplicationView = Type.Object({
  ...ApplicationSummary.properties,
  data: Type.Record(Type.String(), Type.Unknown()),
  fee: Nullable(FeeView),
  attachments: Type.Array(AttachmentView),
  timeline: Type.Array(TimelineEntry),
  actions: Type.Array(Type.Object({ action: Type.String(), label: Localised, requiresComment: Type.Boolean() })),
  editable: Type.Boolean({ description: 'the caller may change the form and attachments now' }),
  createdAt: Type.String(),
});

export const FormData = Type.Record(Type.String(), Type.Unknown(), { description: 'the form as filled in, checked against the pinned form schema on submission' });
