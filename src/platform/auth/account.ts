import type { Db } from '../db/database.ts';
import { recordAudit, type ChangeContext } from '../audit/record.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { AppError, fieldError } from '../http/errors.ts';
import type { Locale } from '../i18n/i18n.ts';
import { insertAccount, insertCompany, normaliseTaxId, type NewCompany } from './accounts-store.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { acceptedTotpStep, newTotpSecret } from './totp.ts';

export interface Registration {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
  /** A business applicant registers the company they act for, identified by its tax id. */
  company?: NewCompany | undefined;
}

export function assertPasswordStrength(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw fieldError(400, 'weak_password', 'body.password', { min: MIN_PASSWORD_LENGTH });
}

/**
 * A citizen opens an applicant account for themself; a business applicant also registers the company
 * they act for. A company already on the platform is not joined this way: its members must invite.
 */
export async function registerApplicant(db: Db, context: ChangeContext, input: Registration): Promise<string> {
  assertPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const companyId = input.company ? await insertCompany(trx, input.company) : null;
    const userId = await insertAccount(trx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      locale: input.locale,
      companyId,
      grants: [{ role: 'applicant', agencyId: null }],
    });
    const self = { ...context, actor: { type: 'user' as const, id: userId, label: input.email } };
    if (input.company && companyId) {
      await recordAudit(trx, self, {
        action: 'company.registered',
        recordType: 'company',
        recordId: companyId,
        after: { taxId: normaliseTaxId(input.company.taxId), name: input.company.name },
      });
    }
    await recordAudit(trx, self, {
      action: 'user.registered',
      recordType: 'user',
      recordId: userId,
      after: { email: input.email, displayName: input.displayName, locale: input.locale, roles: ['applicant'], companyId },
    });
    return userId;
  });
}

export async function updateLocale(db: Db, context: ChangeContext, userId: string, locale: Locale): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select('locale').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    if (before.locale === locale) return;
    await trx.updateTable('users').set({ locale }).where('id', '=', userId).execute();
    await recordAudit(trx, context, { action: 'user.locale_changed', recordType: 'user', recordId: userId, before: { locale: before.locale }, after: { locale } });
  });
}

/** Step one of TOTP enrolment: a fresh secret, kept pending until a code proves the app has it. */
export async function startTotpEnrolment(db: Db, box: SecretBox, context: ChangeContext, userId: string) {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['email']).where('id', '=', userId).executeTakeFirstOrThrow();
    const { secret, otpauthUrl } = newTotpSecret(user.email);
    await trx.updateTable('users').set({ totp_pending_secret: box.seal(secret) }).where('id', '=', userId).execute();
    await recordAudit(trx, context, { action: 'auth.totp_enrolment_started', recordType: 'user', recordId: userId });
    return { secret, otpauthUrl };
  });
}

export async function confirmTotpEnrolment(db: Db, box: SecretBox, context: ChangeContext, userId: string, code: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['totp_pending_secret', 'totp_secret']).where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    if (!user.totp_pending_secret) throw new AppError(409, 'totp_not_started');
    const step = acceptedTotpStep(box.open(user.totp_pending_secret), code);
    if (step === null) throw new AppError(400, 'totp_invalid');
    await trx
      .updateTable('users')
      .set({ totp_secret: user.totp_pending_secret, totp_pending_secret: null, totp_last_step: step })
      .where('id', '=', userId)
      .execute();
    await recordAudit(trx, context, {
      action: 'auth.totp_enrolled',
      recordType: 'user',
      recordId: userId,
      before: { totpEnabled: user.totp_secret !== null },
      after: { totpEnabled: true },
    });
  });
}
