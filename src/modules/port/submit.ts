import { recordAudit, type ChangeContext } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import { EdifactError } from '../../platform/edifact/index.ts';
import { AppError, conflict, fieldError } from '../../platform/http/errors.ts';
import { readCuscar } from './cuscar-read.ts';
import { canonicalManifest, type CargoManifest } from './manifest.ts';
import { assertValidManifest } from './manifest-validation.ts';
import { rematchManifest, type MatchingDeps } from './rematch.ts';
import { insertManifest, manifestDigest, type ManifestOrigin } from './store.ts';

export type ManifestSubmission = { format: 'json'; manifest: CargoManifest } | { format: 'cuscar'; interchange: string };

/** A malformed interchange or a CUSCAR message outside the subset: 422 naming where (segment, character, tag). */
function manifestFrom(submission: ManifestSubmission): CargoManifest {
  if (submission.format === 'json') return assertValidManifest(submission.manifest);
  if (typeof submission.interchange !== 'string') throw fieldError(422, 'manifest_interchange_missing', 'interchange');
  try {
    return assertValidManifest(readCuscar(submission.interchange));
  } catch (error) {
    if (!(error instanceof EdifactError)) throw error;
    const where = { segment: error.segment, position: error.position, tag: error.tag };
    throw new AppError(422, error.code, { ...where, tag: error.tag ?? '—' }, { ...where, explanation: error.message });
  }
}

/**
 * Receives a manifest in the caller's transaction: refused before anything is written when it is
 * malformed; the same content under the same reference is the stored manifest again
 * (`created` false); different content under a reference already used is a 409 and changes nothing.
 * A new manifest is audited, then matched against the declarations at once.
 */
export async function receiveManifest(trx: Trx, deps: MatchingDeps, context: ChangeContext, origin: Omit<ManifestOrigin, 'format'>, submission: ManifestSubmission): Promise<{ id: string; created: boolean }> {
  const canonical = canonicalManifest(manifestFrom(submission));
  const digest = manifestDigest(canonical);
  const { head, created } = await insertManifest(trx, canonical, digest, { ...origin, format: submission.format });
  if (!created) {
    if (head.digest !== digest) throw conflict('manifest_reference_reused', { reference: head.reference });
    return { id: head.id, created: false };
  }
  const matched = await rematchManifest(trx, deps, context, head.id, false);
  await recordAudit(trx, context, {
    action: 'port.manifest_received',
    recordType: 'port_manifest',
    recordId: head.id,
    after: { reference: canonical.reference, format: submission.format, lines: matched, portMember: origin.portMember, digest },
  });
  return { id: head.id, created: true };
}
