import type { ChangeContext } from '../../platform/audit/record.ts';
import type { OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  addMemberKey,
  endMemberKey,
  ensureService,
  findMember,
  listMemberKeys,
  memberKid,
  registerMember,
  updateMember,
  type MemberView,
} from '../../modules/exchange/index.ts';
import { CERTIFICATE_CHECKERS, CERTIFICATE_RECORDERS, CHECK_CERTIFICATE, MINISTRY_SYSTEM, MINISTRY_SYSTEM_NAMES, RECORD_CERTIFICATE } from './contract.ts';

export interface MinistrySystemRegistration {
  /** The register's public key (its key file's). */
  publicJwk: OkpPublicJwk;
  /** Where it answers: Guichet calls `POST {endpoint}/exchange/KD/GOV/AGRICULTURE/phytosanitary/check-certificate/v1`. */
  endpoint: string;
}

async function ensureMember(db: Db, context: ChangeContext, endpoint: string): Promise<MemberView> {
  try {
    const member = await findMember(db, MINISTRY_SYSTEM);
    return member.endpoint === endpoint ? member : await updateMember(db, context, member.id, { endpoint });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'member_not_found')) throw error;
    return registerMember(db, context, { identifier: MINISTRY_SYSTEM, kind: 'external_system', names: MINISTRY_SYSTEM_NAMES, endpoint });
  }
}

/** The key in the register's key file is its key; any other still active was replaced with the file, and is retired. */
async function ensureKey(db: Db, context: ChangeContext, member: MemberView, publicJwk: OkpPublicJwk): Promise<void> {
  const kid = memberKid(publicJwk);
  const keys = await listMemberKeys(db, member.id);
  const current = keys.find((key) => key.kid === kid);
  if (current?.status === 'revoked' || current?.status === 'retired') {
    throw new Error(`the key of ${MINISTRY_SYSTEM} in its key file was ${current.status}: give it a new key file`);
  }
  if (!current) await addMemberKey(db, context, member.id, publicJwk);
  for (const old of keys.filter((key) => key.kid !== kid && key.status === 'active')) await endMemberKey(db, context, member.id, old.kid, { revoke: false });
}

/**
 * Registers the Ministry of Agriculture's certificate register in the exchange, idempotently: the
 * member (an external system answering at `endpoint`, updated when it moved), its key, its
 * `check-certificate` and `record-certificate` v1 services with the schemas the register checks
 * against, Customs' right to check and Agriculture's to record. Every change goes through the
 * registry's own functions, audited; a second run with the same key and endpoint changes nothing.
 */
export async function ensureMinistrySystem(db: Db, context: ChangeContext, registration: MinistrySystemRegistration): Promise<void> {
  const member = await ensureMember(db, context, registration.endpoint);
  await ensureKey(db, context, member, registration.publicJwk);
  await ensureService(db, context, MINISTRY_SYSTEM, CHECK_CERTIFICATE, CERTIFICATE_CHECKERS);
  await ensureService(db, context, MINISTRY_SYSTEM, RECORD_CERTIFICATE, CERTIFICATE_RECORDERS);
}
