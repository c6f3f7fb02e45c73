import { systemContext, type ChangeContext } from '../../platform/audit/record.ts';
import { assertAllowed, type Permission, type Principal } from '../../platform/auth/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus } from '../../platform/events/bus.ts';
import type { CustomsTopics, DeclarationMoved } from '../customs/index.ts';
import { rematchManifest, type MatchingDeps } from './rematch.ts';
import { receiveManifest, type ManifestSubmission } from './submit.ts';
import { gateOutStatus, listManifests, manifestDetail, type ManifestDetail, type ManifestSummary } from './views.ts';

export interface PortDeps extends MatchingDeps {
  db: Db;
  bus: EventBus<CustomsTopics>;
  /** The port community system officers upload manifests on behalf of. */
  portMember: string;
}

export interface PortService {
  /** An officer's upload on behalf of the port: 201 when new, 200 when the same manifest again. */
  upload(principal: Principal, context: ChangeContext, submission: ManifestSubmission): Promise<{ created: boolean; manifest: ManifestDetail }>;
  list(principal: Principal, filter: { withDiscrepancies?: boolean; limit: number }): Promise<ManifestSummary[]>;
  get(principal: Principal, id: string): Promise<ManifestDetail>;
  gateOutStatus(principal: Principal, container: string): ReturnType<typeof gateOutStatus>;
  /** Matches again every manifest a declaration may clear a line of (run on its customs events). */
  rematchForDeclaration(declarationId: string): Promise<void>;
}

export function createPortService(deps: PortDeps): PortService {
  const { db } = deps;
  let customsAgency: Promise<string | null> | undefined;
  /** Manifests are the customs administration's records: its officers read them, nobody else's. */
  const assertCustomsStaff = async (principal: Principal, permission: Permission) => {
    customsAgency ??= db.selectFrom('agencies').select('id').where('code', '=', 'CUSTOMS').executeTakeFirst().then((row) => row?.id ?? null);
    assertAllowed(principal, permission, { agencyId: await customsAgency });
  };

  async function rematchForDeclaration(declarationId: string): Promise<void> {
    const [declaration] = await deps.customs.declarationsForTransport(db, { ids: [declarationId] });
    const bills = declaration?.transportDocument ? [declaration.transportDocument.replace(/\s+/g, '').toUpperCase()] : [];
    const containers = declaration?.containers ?? [];
    // Lines it may clear now, and lines it cleared before (a rejected declaration no longer does).
    const manifests = await db
      .selectFrom('port_manifest_lines as l')
      .select('l.manifest_id')
      .distinct()
      .where((eb) =>
        eb.or([
          ...(bills.length ? [eb('l.bill_of_lading', 'in', bills)] : []),
          ...(containers.length ? [eb('l.id', 'in', eb.selectFrom('port_manifest_containers').select('line_id').where('container', 'in', containers))] : []),
          eb('l.id', 'in', eb.selectFrom('port_line_matches').select('line_id').where('declaration_id', '=', declarationId)),
        ]),
      )
      .execute();
    const context = systemContext('port manifest matching');
    for (const { manifest_id } of manifests) await db.transaction().execute((trx) => rematchManifest(trx, deps, context, manifest_id));
  }

  // Lodged: a line may now be declared; released: its containers may leave; rejected: it clears nothing any more.
  for (const topic of ['customs.declaration.lodged', 'customs.declaration.released', 'customs.declaration.rejected'] as const) {
    deps.bus.subscribe(topic, 'port.rematch', async ({ payload }: { payload: DeclarationMoved }) => rematchForDeclaration(payload.declarationId));
  }

  return {
    async upload(principal, context, submission) {
      await assertCustomsStaff(principal, 'customs.manifests.upload');
      const stored = await db.transaction().execute((trx) => receiveManifest(trx, deps, context, { portMember: deps.portMember, submittedBy: context.actor.label }, submission));
      return { created: stored.created, manifest: await manifestDetail(db, stored.id) };
    },
    async list(principal, filter) {
      await assertCustomsStaff(principal, 'customs.manifests.read');
      return listManifests(db, filter);
    },
    async get(principal, id) {
      await assertCustomsStaff(principal, 'customs.manifests.read');
      return manifestDetail(db, id);
    },
    async gateOutStatus(principal, container) {
      await assertCustomsStaff(principal, 'customs.manifests.read');
      return gateOutStatus(db, container);
    },
    rematchForDeclaration,
  };
}
