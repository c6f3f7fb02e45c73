import { recordAudit, systemContext, type ChangeContext } from '../../../platform/audit/record.ts';
import { forgetPackageText } from '../search/text.ts';
import { assertAllowed, type Principal } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import type { DocumentService } from '../../documents/index.ts';
import type { ArchiveRoots } from '../config.ts';
import { ARCHIVE_AGENT, recordEvents } from '../events.ts';
import { destructionCertificate, type DestroyedPackage } from './certificate.ts';
import { assertDestroyable, openProposalFor, proposalView, type ProposalView } from './disposition.ts';

export interface DestructionDeps {
  db: Db;
  roots: ArchiveRoots;
  documents: Pick<DocumentService, 'prepareDocument'>;
  now: () => Date;
}

/**
 * The authority approves a destruction proposal. Every package is checked again under lock (a hold
 * placed since the proposal wins); the certificate is signed and rendered before the transaction,
 * which then records it, marks the packages `destroyed`, drops their copies and records the PREMIS
 * `deletion` events and the audit entry. The bytes are removed from both roots once that is committed:
 * a crash in between leaves unreferenced content, never a package claiming content it lost.
 * A content another live package also holds (the same attachment filed twice) stays.
 */
export function destruction(deps: DestructionDeps) {
  const { db, roots, documents, now } = deps;

  async function approve(principal: Principal, context: ChangeContext, proposalId: string, reason: string, language: Locale): Promise<ProposalView> {
    assertAllowed(principal, 'archive.approve_disposal');
    // Checked before signing anything: a refused approval issues no certificate.
    const packages = await db.transaction().execute(async (trx) => {
      const open = await openProposalFor(trx, principal, proposalId);
      await assertDestroyable(trx, open.packages, now(), proposalId);
      return open.packages;
    });
    const files = await db.selectFrom('archive_files').select(['id', 'package_id', 'path', 'size', 'sha256']).where('package_id', 'in', packages.map((p) => p.id)).orderBy('path').execute();
    const destroyed: DestroyedPackage[] = packages.map((p) => ({
      identifier: p.identifier,
      source: p.source_reference,
      retentionClass: p.retention_class,
      files: files.filter((f) => f.package_id === p.id).map((f) => ({ path: f.path, size: Number(f.size), sha256: f.sha256 })),
    }));
    const proposal = await db.selectFrom('archive_disposition_proposals').select('reason').where('id', '=', proposalId).executeTakeFirstOrThrow();
    const certificate = await documents.prepareDocument(
      destructionCertificate({ proposalId, reason: proposal.reason, authority: principal, packages: destroyed, language, on: now().toISOString().slice(0, 10) }),
      context,
      now(),
    );

    const { view, removable } = await db.transaction().execute(async (trx) => {
      const open = await openProposalFor(trx, principal, proposalId);
      await assertDestroyable(trx, open.packages, now(), proposalId);
      const ids = open.packages.map((p) => p.id);
      await certificate.record(trx, { proposal: proposalId });
      await trx.updateTable('archive_packages').set({ state: 'destroyed' }).where('id', 'in', ids).execute();
      await forgetPackageText(trx, ids);
      // Contents no package still alive holds (ingesting ones count: they are about to hold them).
      const contents = await trx
        .selectFrom('archive_files as f')
        .select('f.sha256')
        .distinct()
        .where('f.package_id', 'in', ids)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('archive_files as g').innerJoin('archive_packages as q', 'q.id', 'g.package_id').select('g.id').whereRef('g.sha256', '=', 'f.sha256').where('q.state', '<>', 'destroyed'))),
        )
        .execute();
      const removable = contents.map((c) => c.sha256);
      if (removable.length > 0) await trx.deleteFrom('archive_copies').where('sha256', 'in', removable).execute();
      const gone = new Set(removable);
      await recordEvents(trx, context.actor.label, [
        ...files.map((f) => ({
          type: 'deletion' as const,
          outcome: 'success' as const,
          detail: gone.has(f.sha256) ? `removed from ${roots.primary.name} and ${roots.replica.name}` : 'content kept: another package holds it',
          packageId: f.package_id,
          fileId: f.id,
        })),
        ...open.packages.map((p) => ({ type: 'deletion' as const, outcome: 'success' as const, detail: `destroyed under disposition ${proposalId}, approved by ${principal.label}; certificate ${certificate.number}`, packageId: p.id, fileId: null })),
      ]);
      const decided = await trx
        .updateTable('archive_disposition_proposals')
        .set({ state: 'approved', decided_by_id: principal.id, decided_by: principal.label, decided_at: new Date(), decision_reason: reason, certificate_id: certificate.id, certificate_number: certificate.number })
        .where('id', '=', proposalId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, context, {
        action: 'archive.packages_destroyed',
        recordType: 'archive_disposition',
        recordId: proposalId,
        before: { state: 'proposed' },
        after: { state: 'approved', packages: destroyed.map((p) => p.identifier), certificate: certificate.number },
        details: { packages: destroyed.length, contentsRemoved: removable.length, certificate: certificate.number },
      });
      return { view: proposalView(decided, destroyed.map((p) => p.identifier)), removable };
    });

    await removeContents(removable, packages.map((p) => p.id));
    return view;
  }

  /** Removes the bytes from both roots; a root that refuses is recorded, its copy left for an operator. */
  async function removeContents(removable: readonly string[], packageIds: readonly string[]): Promise<void> {
    const failures: string[] = [];
    for (const sha256 of removable) {
      const results = await Promise.allSettled([roots.primary.remove(sha256), roots.replica.remove(sha256)]);
      results.forEach((r, i) => {
        if (r.status === 'rejected') failures.push(`${i === 0 ? roots.primary.name : roots.replica.name} ${sha256}: ${String(r.reason)}`);
      });
    }
    if (failures.length === 0) return;
    await db.transaction().execute(async (trx) => {
      await recordEvents(trx, ARCHIVE_AGENT, packageIds.map((packageId) => ({ type: 'deletion' as const, outcome: 'failure' as const, detail: `not removed: ${failures.join('; ')}`, packageId, fileId: null })));
      await recordAudit(trx, systemContext(ARCHIVE_AGENT), { action: 'archive.removal_failed', recordType: 'archive_disposition', recordId: null, details: { failures: failures.length } });
    });
  }

  return { approve };
}
