import { Type } from 'typebox';
import { Closed } from '../../../platform/http/schema.ts';
import { DECLARATION_STATES } from './schema.ts';
import { DOCUMENT_TYPES, REGIMES, TRANSPORT_MODES } from './types.ts';

/** A decimal written as text, so no amount is ever rounded by a binary float on the way in. */
const Amount = Type.String({ pattern: '^[0-9]{1,15}(\\.[0-9]{1,6})?$', description: 'decimal, e.g. "12500.50"' });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

const Party = Closed({ taxId: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,34}$' }), name: Text(200), country: Country });

const Item = Closed({
  hsCode: Type.String({ pattern: '^[0-9]{4}[. ]?[0-9]{2}[. ]?[0-9]{2}[. ]?[0-9]{2}$', description: 'national tariff line, ten digits' }),
  description: Text(512),
  origin: Country,
  quantity: Closed({ amount: Amount, unit: Type.String({ pattern: '^[A-Z0-9]{2,3}$', description: 'UN/ECE Rec. 20, e.g. KGM, LTR, NAR' }) }),
  grossMassKg: Amount,
  netMassKg: Amount,
  customsValue: Amount,
  preferenceClaimed: Type.Boolean(),
  documents: Type.Array(Closed({ type: Type.Enum(DOCUMENT_TYPES), reference: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9./-]{2,39}$' }) }), { maxItems: 20 }),
  // The VIN's form is checked with the declaration (a translated message naming the field), not here.
  vehicle: Type.Optional(
    Closed({
      vin: Type.String({ minLength: 1, maxLength: 32, description: 'ISO 3779 vehicle identification number' }),
      firstRegistrationYear: Type.Integer({ minimum: 1900, maximum: 2100 }),
      engineCapacityCc: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
    }),
  ),
});

export const DeclarationBody = Closed({
  localReference: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9./_-]{0,34}$', description: "the declarant's own reference (LRN)" }),
  regime: Type.Enum(REGIMES),
  officeCode: Type.String({ pattern: '^[A-Z0-9]{4,10}$' }),
  declarant: Party,
  importer: Type.Optional(Party),
  exporter: Type.Optional(Party),
  transport: Closed({
    mode: Type.Enum(TRANSPORT_MODES),
    meansId: Type.Optional(Text(35)),
    transportDocument: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9./-]{0,34}$', description: 'bill of lading, air waybill or consignment note number' })),
    dispatchCountry: Country,
    containers: Type.Array(Type.String(), { maxItems: 200 }),
  }),
  invoiceCurrency: Type.String({ pattern: '^[A-Z]{3}$' }),
  items: Type.Array(Item, { minItems: 1, maxItems: 999 }),
});

export const StateSchema = Type.Enum(DECLARATION_STATES);
export const ChannelSchema = Type.Enum(['green', 'yellow', 'red', 'blue']);

/** Views are documented loosely: the declaration echoes the body, the assessment and risk are explained in docs/customs. */
export const DeclarationViewSchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  localReference: Type.String(),
  state: StateSchema,
  version: Type.Integer(),
  declaredOn: Type.String(),
  channel: Type.Union([ChannelSchema, Type.Null()]),
  declaration: Type.Unknown(),
  assessment: Type.Unknown(),
  risk: Type.Unknown(),
  totalDue: Type.Union([Type.Integer(), Type.Null()]),
  currency: Type.String(),
  rejection: Type.Unknown(),
  /** Lodged and waiting for an issuing agency's service to confirm a cited document. */
  awaitingDocuments: Type.Boolean(),
  documentChecks: Type.Array(Type.Unknown()),
  lodgedAt: Type.Union([Type.String(), Type.Null()]),
  releasedAt: Type.Union([Type.String(), Type.Null()]),
});

export const DeclarationDetailSchema = Type.Intersect([
  DeclarationViewSchema,
  Type.Object({ history: Type.Array(Type.Unknown()), notifications: Type.Array(Type.Unknown()), versions: Type.Array(Type.Unknown()), inspections: Type.Array(Type.Unknown()) }),
]);
