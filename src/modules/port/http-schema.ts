import { Type } from 'typebox';
import { Closed } from '../../platform/http/schema.ts';
import { MAX_INTERCHANGE_CHARS } from './contract.ts';

/**
 * An officer's upload: the manifest as JSON, or the CUSCAR interchange's text. The manifest itself
 * is checked by the service, so every problem is refused with its path (`manifest.lines[1].containers[0]`).
 */
export const UploadBody = Closed({
  format: Type.Union([Type.Literal('json'), Type.Literal('cuscar')]),
  manifest: Type.Optional(Type.Unknown({ description: 'the manifest (format json), see CargoManifest in docs/customs/port-manifests.md' })),
  interchange: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_INTERCHANGE_CHARS, description: 'the UN/EDIFACT CUSCAR interchange (format cuscar)' })),
});

const Summary = {
  id: Type.String(),
  reference: Type.String(),
  portMember: Type.String(),
  format: Type.String(),
  transportMode: Type.String(),
  meansId: Type.String(),
  voyage: Type.String(),
  portOfArrival: Type.String(),
  arrivalDate: Type.String(),
  receivedAt: Type.String(),
  lineCount: Type.Integer(),
  discrepancyCount: Type.Integer(),
};

export const ManifestSummarySchema = Type.Object(Summary);

const Line = Type.Object({
  lineNumber: Type.Integer(),
  billOfLading: Type.String(),
  consignee: Type.Object({ name: Type.String(), taxId: Type.String() }),
  containers: Type.Array(Type.String()),
  packages: Type.Object({ count: Type.Integer(), kind: Type.String() }),
  grossMassKg: Type.String(),
  description: Type.String(),
  matches: Type.Array(Type.Object({ declarationId: Type.String(), reference: Type.String(), state: Type.String(), released: Type.Boolean(), matchedBy: Type.String() })),
  discrepancy: Type.Union([Type.Null(), Type.Object({ kind: Type.String(), manifestedKg: Type.Number(), declaredKg: Type.Union([Type.Number(), Type.Null()]) })]),
  gateOut: Type.Array(Type.Object({ container: Type.String(), decision: Type.String(), reason: Type.Union([Type.String(), Type.Null()]), messageId: Type.Union([Type.String(), Type.Null()]), decidedAt: Type.String() })),
});

export const ManifestDetailSchema = Type.Object({ ...Summary, lines: Type.Array(Line) });
