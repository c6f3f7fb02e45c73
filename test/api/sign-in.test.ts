import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/platform/auth/totp.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient, demoEmail } from '../support/client.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp();
});
afterAll(async () => platform?.close());

describe('signing in and out', () => {
  it('signs the demo applicant in with an HttpOnly SameSite cookie, then out', async () => {
    const awa = new ApiClient(platform.url);
    const login = await awa.login(demoEmail('awa.ndiaye'));
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: 'awa.ndiaye@demo.guichet.test', displayName: 'Awa Ndiaye', roles: [{ role: 'applicant', agencyId: null }] });
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/guichet_session=[^;]+/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    expect((await awa.request('GET', '/api/session')).status).toBe(200);
    expect((await awa.request('POST', '/api/auth/logout')).status).toBe(204);
    // The old cookie is worthless once the session row is gone.
    const after = await awa.request('GET', '/api/session');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('not_authenticated');
  });

  it('refuses a wrong password with a translated message', async () => {
    const client = new ApiClient(platform.url);
    client.language = 'ar';
    const response = await client.login(demoEmail('fatou.sow'), 'not-the-password');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('invalid_credentials');
    expect(response.body.error.message).toBe('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const response = await new ApiClient(platform.url).login('nobody@demo.guichet.test', 'whatever-password');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('invalid_credentials');
  });

  it('locks an account progressively after repeated failures, even against the right password', async () => {
    const client = new ApiClient(platform.url);
    const email = demoEmail('ibrahima.fall');
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await client.login(email, 'wrong-password-' + attempt)).status).toBe(401);
    }
    const fifth = await client.login(email, 'wrong-password-5');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error).toMatchObject({ code: 'account_locked', details: { retryAfterSeconds: 30 } });
    expect(fifth.headers.get('retry-after')).toBe('30');
    const right = await client.login(email);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('account_locked');

    const audit = await platform.database.db
      .selectFrom('audit_entries')
      .select(['action'])
      .where('record_type', '=', 'user')
      .where('actor_label', '=', email)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([...Array(4).fill('auth.login_failed'), 'auth.account_locked']);
  });

  it('unlocks once the lock expires and resets the failure count on success', async () => {
    const client = new ApiClient(platform.url);
    const email = demoEmail('amina.belkacem');
    for (let attempt = 1; attempt <= 5; attempt++) await client.login(email, 'wrong-password');
    await platform.database.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('email', '=', email).execute();
    expect((await client.login(email)).status).toBe(200);
    const user = await platform.database.db.selectFrom('users').select(['failed_logins', 'locked_until']).where('email', '=', email).executeTakeFirstOrThrow();
    expect(user).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('asks enrolled staff for a TOTP code, accepts it once and refuses its replay', async () => {
    const admin = new ApiClient(platform.url);
    await admin.login(demoEmail('mariam.kone'));
    const setup = await admin.request('POST', '/api/me/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Guichet:/);
    const wrong = await admin.request('POST', '/api/me/totp/confirm', { code: '000000' === currentTotpCode(setup.body.secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    const stepBefore = Date.now() - 30_000;
    expect((await admin.request('POST', '/api/me/totp/confirm', { code: currentTotpCode(setup.body.secret, stepBefore) })).status).toBe(204);

    const later = new ApiClient(platform.url);
    const noCode = await later.login(demoEmail('mariam.kone'));
    expect(noCode.status).toBe(401);
    expect(noCode.body.error.code).toBe('totp_required');
    const code = currentTotpCode(setup.body.secret);
    expect((await later.login(demoEmail('mariam.kone'), undefined, code)).status).toBe(200);
    const replay = await new ApiClient(platform.url).login(demoEmail('mariam.kone'), undefined, code);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('totp_invalid');
  });

  it('rate-limits sign-in attempts per address with the same error shape', async () => {
    const strict = await startTestApp({ AUTH_ATTEMPTS_PER_MINUTE: '3' });
    try {
      const client = new ApiClient(strict.url);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await client.login(`nobody${i}@demo.guichet.test`, 'x')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await client.login('nobody@demo.guichet.test', 'x');
      expect(limited.body.error.code).toBe('rate_limited');
      expect(limited.body.error.message).toMatch(/Patientez \d+ secondes/);
    } finally {
      await strict.close();
    }
  });
});
