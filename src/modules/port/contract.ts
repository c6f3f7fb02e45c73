import { Type } from 'typebox';
import type { LocalisedText } from '../../platform/auth/schema.ts';
import { CargoManifestSchema, CONTAINER_NUMBER } from './manifest.ts';

/**
 * The interconnection contract between customs and the port community system
 * (docs/customs/port-manifests.md): the port submits manifests and asks whether a container may
 * leave; customs tells the port, by an asynchronous signed message, when containers may leave.
 */

/** The demo country's port community system, a commercial member of the exchange. */
export const portMemberOf = (country: string) => `${country}/COM/PORT-AUTONOME`;
export const customsMemberOf = (country: string) => `${country}/GOV/CUSTOMS`;

/** The largest CUSCAR interchange accepted: a few thousand bills of lading. */
export const MAX_INTERCHANGE_CHARS = 2_000_000;

export const ManifestSubmissionSchema = Type.Union([
  Type.Object({ format: Type.Literal('json'), manifest: CargoManifestSchema }, { additionalProperties: false }),
  Type.Object({ format: Type.Literal('cuscar'), interchange: Type.String({ minLength: 1, maxLength: MAX_INTERCHANGE_CHARS }) }, { additionalProperties: false }),
]);

const Refusal = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }, { additionalProperties: false });

export const SUBMIT_CARGO_MANIFEST = {
  code: 'submit-cargo-manifest',
  version: 'v1',
  title: { fr: 'Déposer un manifeste de cargaison', ar: 'إيداع بيان حمولة', en: 'Submit a cargo manifest' } satisfies LocalisedText,
  requestSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...ManifestSubmissionSchema },
  responseSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...Type.Object(
      {
        /** accepted: stored and matched; unchanged: the same manifest was received before; refused: see error. */
        status: Type.Union([Type.Literal('accepted'), Type.Literal('unchanged'), Type.Literal('refused')]),
        reference: Type.Optional(Type.String()),
        lines: Type.Optional(Type.Integer()),
        discrepancies: Type.Optional(Type.Integer()),
        error: Type.Optional(Refusal),
      },
      { additionalProperties: false },
    ),
  },
};

export const GateOutAnswerSchema = Type.Object(
  {
    container: Type.String(),
    decision: Type.Union([Type.Literal('allowed'), Type.Literal('refused')]),
    reason: Type.Optional(Type.Union([Type.Literal('not_manifested'), Type.Literal('not_declared'), Type.Literal('not_released')])),
    manifestReference: Type.Optional(Type.String()),
    billOfLading: Type.Optional(Type.String()),
    declarations: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

export const GATE_OUT_STATUS = {
  code: 'gate-out-status',
  version: 'v1',
  title: { fr: "Un conteneur peut-il sortir du port ?", ar: 'هل يمكن للحاوية مغادرة الميناء؟', en: 'May a container leave the port?' } satisfies LocalisedText,
  requestSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...Type.Object({ container: Type.String({ pattern: CONTAINER_NUMBER }) }, { additionalProperties: false }) },
  responseSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...GateOutAnswerSchema },
};

/** Served by the port: the containers of a bill of lading may leave (sent once, when its last clearing declaration is released). */
export const CONTAINER_GATE_OUT = {
  code: 'container-gate-out',
  version: 'v1',
  title: { fr: 'Bon à enlever des conteneurs', ar: 'إذن خروج الحاويات', en: 'Containers allowed to leave' } satisfies LocalisedText,
  requestSchema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...Type.Object(
      {
        manifestReference: Type.String(),
        billOfLading: Type.String(),
        /** Empty for loose cargo travelling under the bill without a container. */
        containers: Type.Array(Type.String()),
        declarations: Type.Array(Type.String(), { minItems: 1 }),
        allowedAt: Type.String({ minLength: 20, maxLength: 40 }),
      },
      { additionalProperties: false },
    ),
  },
  responseSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...Type.Object({ received: Type.Boolean() }, { additionalProperties: true }) },
};

export interface GateOutMessage {
  manifestReference: string;
  billOfLading: string;
  containers: string[];
  declarations: string[];
  allowedAt: string;
}
