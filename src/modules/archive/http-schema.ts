import { Type } from 'typebox';
import { Closed } from '../../platform/http/schema.ts';

const Instant = Type.String({ format: 'date-time' });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const Identifier = Type.String({ pattern: '^[A-Z]{2,3}-ARC-[0-9]{4}-[0-9]{6,}$', description: 'Package identifier, e.g. KD-ARC-2026-000001' });

export const PackageQuery = Closed({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  source: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$', description: "The source record's reference (application or declaration number)" })),
});

export const PackageSummary = Type.Object({
  identifier: Type.String(),
  source: Type.Object({ type: Type.String({ description: 'application | customs_declaration' }), id: Type.String(), reference: Type.String() }),
  agency: Type.String({ description: "Producing agency's code" }),
  title: Type.String(),
  retentionClass: Type.String(),
  accessLevel: Type.String({ description: 'restricted by default' }),
  state: Type.String({ description: 'stored | destroyed (packages being ingested are never shown)' }),
  createdAt: Instant,
  storedAt: Type.Union([Instant, Type.Null()]),
});

export const PackageView = Type.Object({
  ...PackageSummary.properties,
  files: Type.Array(
    Type.Object({
      path: Type.String({ description: 'Inside the package: data/… or metadata/…' }),
      size: Type.Integer(),
      sha256: Sha256,
      sha512: Type.String(),
      format: Type.String({ description: 'MIME type' }),
      role: Type.String({ description: 'form | attachment | document | decision | audit | metadata' }),
      copies: Type.Array(Type.Object({ root: Type.String(), state: Type.String({ description: 'present | corrupt | missing' }), checkedAt: Instant })),
    }),
  ),
  events: Type.Array(
    Type.Object({
      type: Type.String({ description: 'PREMIS event type' }),
      outcome: Type.String({ description: 'success | failure' }),
      detail: Type.String(),
      agent: Type.String(),
      at: Instant,
      file: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const FixityReportView = Type.Object({
  id: Type.String(),
  startedAt: Instant,
  finishedAt: Instant,
  agent: Type.String(),
  checked: Type.Integer({ description: 'Contents checked, each in both roots' }),
  intact: Type.Integer(),
  repaired: Type.Integer({ description: 'Copies replaced from an intact copy' }),
  lost: Type.Integer({ description: 'Contents with no intact copy left' }),
  unrepaired: Type.Integer({ description: 'Bad copies that could not be replaced (root unavailable)' }),
  problems: Type.Array(
    Type.Object({ kind: Type.String({ description: 'lost | unrepaired' }), sha256: Sha256, root: Type.Union([Type.String(), Type.Null()]), agencyId: Type.String(), package: Type.String(), path: Type.String() }),
  ),
});
