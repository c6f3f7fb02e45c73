import { Type, type Static } from 'typebox';

/**
 * The shape of a procedure definition: what a ministry publishes to put a service online. This
 * TypeBox schema is both the JSON Schema that validates definitions (served at
 * /api/catalogue/definition-schema, for editors) and the TypeScript type the platform reads.
 * Rules that JSON Schema cannot express (a transition naming an unknown state…) are checked by
 * `checkDefinition` in definition-rules.ts.
 */
const Id = Type.String({ pattern: '^[a-z][a-z0-9_-]{1,63}$', description: 'lower-case identifier: letters, digits, _ and -' });
const AgencyCode = Type.String({ pattern: '^[A-Z][A-Z_]{1,31}$', description: 'code of an agency that joined the platform, e.g. COMMERCE' });
const Text = (description?: string) =>
  Type.Object(
    { fr: Type.String({ minLength: 1 }), ar: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
    { additionalProperties: false, ...(description ? { description } : {}) },
  );
const Role = Type.Enum(['officer', 'agency_admin', 'cashier'], { description: 'staff role that may take the step' });

export const AttachmentRule = Type.Object(
  {
    kind: Id,
    label: Text(),
    required: Type.Boolean(),
    types: Type.Array(Type.Enum(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff']), { minItems: 1, uniqueItems: true }),
    maxSizeMb: Type.Number({ exclusiveMinimum: 0, maximum: 50 }),
  },
  { additionalProperties: false },
);

export const FeeRule = Type.Union([
  Type.Object({ kind: Type.Literal('fixed'), label: Text(), amount: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('per_unit'),
      label: Text(),
      field: Type.String({ description: 'numeric form field holding the number of units' }),
      unitAmount: Type.Integer({ minimum: 0 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('band'),
      label: Text(),
      field: Type.String(),
      bands: Type.Array(
        Type.Object({ upTo: Type.Union([Type.Number(), Type.Null()]), amount: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
        { minItems: 1, description: 'ascending; the last band has upTo null (no upper bound)' },
      ),
    },
    { additionalProperties: false },
  ),
]);

export const WorkflowState = Type.Object(
  {
    id: Id,
    label: Text(),
    /** Who works on the file in this state: an agency's staff, the applicant (correction), or nobody (final). */
    holder: Type.Enum(['agency', 'applicant', 'none']),
    /** The agency holding the file when it is not the issuing one (review by a second agency). */
    agency: Type.Optional(AgencyCode),
    deadlineWorkingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    outcome: Type.Optional(Type.Enum(['approved', 'rejected', 'withdrawn'])),
  },
  { additionalProperties: false },
);

export const WorkflowTransition = Type.Object(
  {
    action: Id,
    label: Text(),
    from: Type.Array(Id, { minItems: 1, uniqueItems: true }),
    to: Id,
    /** `applicant` transitions are taken by the file's owner; `staff` ones by the roles listed; `system` ones automatically. */
    by: Type.Enum(['applicant', 'staff', 'system']),
    roles: Type.Optional(Type.Array(Role, { minItems: 1, uniqueItems: true })),
    /** Staff of this agency take it; defaults to the agency holding the `from` state. */
    agency: Type.Optional(AgencyCode),
    /** A reason or comment the actor must give (rejection, correction request). */
    requiresComment: Type.Optional(Type.Boolean()),
    /** For `system` transitions: the platform event that triggers it. */
    on: Type.Optional(Type.Enum(['submitted', 'fee_paid'])),
  },
  { additionalProperties: false },
);

export const ProcedureDefinition = Type.Object(
  {
    id: Id,
    version: Type.Integer({ minimum: 1 }),
    agency: AgencyCode,
    title: Text('name of the service as applicants see it'),
    description: Text(),
    applicants: Type.Array(Type.Enum(['citizen', 'business']), { minItems: 1, uniqueItems: true }),
    keywords: Type.Optional(Text('extra search words, comma-separated')),
    form: Type.Object(
      {
        schema: Type.Record(Type.String(), Type.Unknown(), { description: 'JSON Schema (2020-12) of the form data, type object' }),
        layout: Type.Array(
          Type.Object({ title: Text(), fields: Type.Array(Type.String(), { minItems: 1 }) }, { additionalProperties: false }),
          { minItems: 1 },
        ),
        labels: Type.Record(Type.String(), Text()),
        options: Type.Optional(
          Type.Record(Type.String(), Type.Record(Type.String(), Text()), {
            description:
              'labels of the values of choice fields, by field path (as in labels) then by value (numbers written as text): ' +
              'what applicants and officers read instead of the stored value',
          }),
        ),
        example: Type.Record(Type.String(), Type.Unknown(), { description: 'a filled form the schema accepts (tests and documentation)' }),
      },
      { additionalProperties: false },
    ),
    attachments: Type.Array(AttachmentRule),
    fees: Type.Array(FeeRule),
    workflow: Type.Object(
      {
        initial: Id,
        states: Type.Array(WorkflowState, { minItems: 2 }),
        transitions: Type.Array(WorkflowTransition, { minItems: 1 }),
      },
      { additionalProperties: false },
    ),
    document: Type.Union([
      Type.Null(),
      Type.Object(
        {
          type: Id,
          title: Text(),
          validityMonths: Type.Union([Type.Integer({ minimum: 1, maximum: 1200 }), Type.Null()]),
          fields: Type.Array(Type.String(), { minItems: 1 }),
        },
        { additionalProperties: false },
      ),
    ]),
    retentionClass: Id,
  },
  { additionalProperties: false, $id: 'https://guichet.example/schemas/procedure-definition.json' },
);

export type ProcedureDefinition = Static<typeof ProcedureDefinition>;
export type WorkflowState = Static<typeof WorkflowState>;
export type WorkflowTransition = Static<typeof WorkflowTransition>;
export type FeeRule = Static<typeof FeeRule>;
export type LocalisedText = ProcedureDefinition['title'];
