import type { Db } from '../db/database.ts';
import { recordAudit, type ChangeContext } from '../audit/record.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { AppError } from '../http/errors.ts';
import { lockSecondsAfter } from './lockout.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { randomToken, sha256Hex } from './tokens.ts';
import { acceptedTotpStep } from './totp.ts';

export interface LoginRequest {
  email: string;
  password: string;
  totp?: string | undefined;
}

export interface LoginDeps {
  db: Db;
  box: SecretBox;
  sessionTtlHours: number;
}

type Outcome =
  | { ok: true; userId: string; token: string; csrfToken: string }
  | { ok: false; error: AppError };

const anonymous = (context: ChangeContext, email: string): ChangeContext => ({
  ...context,
  actor: { type: 'anonymous', id: null, label: email.toLowerCase() },
});

/**
 * Signs a person in: password (argon2id), then the TOTP code when enrolled, with progressive lockout.
 * Every attempt — success, failure, lockout — is one audited transaction; failures are committed
 * before the error is returned, so the count survives.
 */
export async function login(deps: LoginDeps, context: ChangeContext, request: LoginRequest): Promise<{ userId: string; token: string; csrfToken: string }> {
  const outcome = await deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where(({ fn }) => fn('lower', ['email']), '=', request.email.toLowerCase())
      .forUpdate()
      .executeTakeFirst();
    const who = anonymous(context, request.email);
    if (!user) {
      await verifyAgainstDummy(request.password);
      await recordAudit(trx, who, { action: 'auth.login_failed', recordType: 'user', recordId: null, details: { reason: 'unknown_email' } });
      return { ok: false, error: new AppError(401, 'invalid_credentials') };
    }
    const now = Date.now();
    if (user.locked_until && user.locked_until.getTime() > now) {
      return { ok: false, error: lockedError(user.locked_until.getTime() - now) };
    }
    const fail = async (reason: string, error: AppError): Promise<Outcome> => {
      const failed = user.failed_logins + 1;
      const lockSeconds = lockSecondsAfter(failed);
      const lockedUntil = lockSeconds > 0 ? new Date(now + lockSeconds * 1000) : null;
      await trx.updateTable('users').set({ failed_logins: failed, locked_until: lockedUntil }).where('id', '=', user.id).execute();
      await recordAudit(trx, who, {
        action: lockedUntil ? 'auth.account_locked' : 'auth.login_failed',
        recordType: 'user',
        recordId: user.id,
        before: { failedLogins: user.failed_logins },
        after: { failedLogins: failed, lockedUntil: lockedUntil?.toISOString() ?? null },
        details: { reason, ...(lockedUntil ? { lockSeconds } : {}) },
      });
      return { ok: false, error: lockedUntil ? lockedError(lockSeconds * 1000) : error };
    };
    if (!(await verifyPassword(user.password_hash, request.password))) {
      return fail('wrong_password', new AppError(401, 'invalid_credentials'));
    }
    if (user.disabled_at) return { ok: false, error: new AppError(403, 'account_disabled') };
    let totpStep: number | null = null;
    if (user.totp_secret) {
      if (!request.totp) return { ok: false, error: new AppError(401, 'totp_required') };
      totpStep = acceptedTotpStep(deps.box.open(user.totp_secret), request.totp, now);
      if (totpStep === null || (user.totp_last_step !== null && totpStep <= user.totp_last_step)) {
        return fail('wrong_totp', new AppError(401, 'totp_invalid'));
      }
    }
    const token = randomToken();
    const csrfToken = randomToken();
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, ...(totpStep !== null ? { totp_last_step: totpStep } : {}) })
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sha256Hex(token),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: new Date(now + deps.sessionTtlHours * 3600_000),
        ip: context.ip,
      })
      .execute();
    await recordAudit(trx, { ...context, actor: { type: 'user', id: user.id, label: `${user.display_name} <${user.email}>` } }, {
      action: 'auth.login',
      recordType: 'user',
      recordId: user.id,
      details: { secondFactor: totpStep !== null },
    });
    return { ok: true, userId: user.id, token, csrfToken };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome;
}

function lockedError(remainingMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
  return new AppError(429, 'account_locked', { seconds }, { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
}

/** Ends a session: the row is deleted, so the cookie is worthless even if it was copied. */
export async function logout(db: Db, context: ChangeContext, sessionId: string, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await recordAudit(trx, context, { action: 'auth.logout', recordType: 'user', recordId: userId });
  });
}
