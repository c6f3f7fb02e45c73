import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient, demoEmail } from '../support/client.ts';

let platform: TestApp;
let agencies: Record<string, string>;
beforeAll(async () => {
  platform = await startTestApp();
  const list = await new ApiClient(platform.url).request('GET', '/api/agencies');
  agencies = Object.fromEntries(list.body.items.map((a: { code: string; id: string }) => [a.code, a.id]));
});
afterAll(async () => platform?.close());

async function signedIn(name: string) {
  const client = new ApiClient(platform.url);
  expect((await client.login(demoEmail(name))).status).toBe(200);
  return client;
}

const newOfficer = (agencyId: string, email: string) => ({
  email,
  displayName: 'Ousmane Diop',
  password: 'a-long-enough-password',
  locale: 'fr',
  grants: [{ role: 'officer', agencyId }],
});

describe('authorisation by role and agency', () => {
  it('lists the nine agencies of the demo country with names in three languages', () => {
    expect(Object.keys(agencies).sort()).toEqual(['AGRICULTURE', 'ARCHIVES', 'CIVIL_REGISTRY', 'COMMERCE', 'CUSTOMS', 'HEALTH', 'JUSTICE', 'PORT', 'TREASURY']);
  });

  it('refuses anonymous callers with 401', async () => {
    const response = await new ApiClient(platform.url).request('GET', '/api/audit/entries');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('not_authenticated');
  });

  it('refuses an officer the audit trail with 403 (wrong role)', async () => {
    const officer = await signedIn('fatou.sow');
    const response = await officer.request('GET', '/api/audit/entries');
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
  });

  it('lets the Commerce administrator create a Commerce officer but not a Customs one (wrong agency)', async () => {
    const admin = await signedIn('mariam.kone');
    const ok = await admin.request('POST', '/api/users', newOfficer(agencies.COMMERCE!, 'ousmane.diop@commerce.test'));
    expect(ok.status).toBe(201);
    const refused = await admin.request('POST', '/api/users', newOfficer(agencies.CUSTOMS!, 'intrus@douanes.test'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden_agency');
    const stored = await platform.database.db.selectFrom('users').select('id').where('email', '=', 'intrus@douanes.test').execute();
    expect(stored).toEqual([]);
  });

  it('shows an agency administrator only the staff of their agency', async () => {
    const admin = await signedIn('mariam.kone');
    const response = await admin.request('GET', '/api/users');
    expect(response.status).toBe(200);
    const agenciesSeen = new Set(response.body.items.flatMap((u: { grants: { agencyId: string }[] }) => u.grants.map((g) => g.agencyId)));
    expect([...agenciesSeen]).toEqual([agencies.COMMERCE]);
    const other = await admin.request('GET', `/api/users?agencyId=${agencies.CUSTOMS}`);
    expect(other.status).toBe(403);
  });

  it('answers 404 for an unknown user, with the record named in the caller’s language', async () => {
    const admin = await signedIn('admin');
    admin.language = 'en';
    const response = await admin.request('POST', '/api/users/0b7c5c1e-4c59-4d43-9a0e-000000000000/disable');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('User not found: 0b7c5c1e-4c59-4d43-9a0e-000000000000.');
  });

  it('refuses a change without the session’s CSRF token, and changes nothing', async () => {
    const applicant = await signedIn('awa.ndiaye');
    const token = applicant.csrfToken;
    applicant.csrfToken = undefined;
    const missing = await applicant.request('PATCH', '/api/me', { locale: 'ar' });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf_invalid');
    applicant.csrfToken = 'forged-token';
    expect((await applicant.request('PATCH', '/api/me', { locale: 'ar' })).status).toBe(403);
    const user = await platform.database.db.selectFrom('users').select('locale').where('email', '=', demoEmail('awa.ndiaye')).executeTakeFirstOrThrow();
    expect(user.locale).toBe('fr');
    applicant.csrfToken = token;
    const ok = await applicant.request('PATCH', '/api/me', { locale: 'ar' });
    expect(ok.status).toBe(200);
    expect(ok.body.locale).toBe('ar');
  });

  it('serves machine clients by API key within their grant, and forgets revoked keys', async () => {
    const admin = await signedIn('admin');
    const created = await admin.request('POST', '/api/api-clients', { name: 'Audit cour des comptes', role: 'auditor', agencyId: null });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^gk_[A-Za-z0-9]{10}_/);
    const machine = { authorization: `Bearer ${created.body.key}` };
    const read = await new ApiClient(platform.url).request('GET', '/api/audit/entries?limit=5', undefined, machine);
    expect(read.status).toBe(200);
    expect(read.body.items).toHaveLength(5);
    const notAllowed = await new ApiClient(platform.url).request('GET', '/api/users', undefined, machine);
    expect(notAllowed.status).toBe(403);
    expect((await new ApiClient(platform.url).request('GET', '/api/session', undefined, machine)).status).toBe(403);

    expect((await admin.request('DELETE', `/api/api-clients/${created.body.id}`)).status).toBe(204);
    const revoked = await new ApiClient(platform.url).request('GET', '/api/audit/entries', undefined, machine);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('api_key_invalid');
  });

  it('holds staff without a second factor to enrolment when the platform requires it', async () => {
    const strict = await startTestApp({ STAFF_TOTP_REQUIRED: 'true' });
    try {
      const auditor = new ApiClient(strict.url);
      expect((await auditor.login(demoEmail('leila.haddad'))).status).toBe(200);
      const refused = await auditor.request('GET', '/api/audit/entries');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('totp_enrolment_required');
      expect((await auditor.request('POST', '/api/me/totp/setup')).status).toBe(200);
      const applicant = new ApiClient(strict.url);
      await applicant.login(demoEmail('awa.ndiaye'));
      expect((await applicant.request('GET', '/api/session')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});

describe('administrators managing accounts', () => {
  it('refuses a grant without its agency with the field named, and an administrator disabling themself', async () => {
    const admin = await signedIn('admin');
    admin.language = 'en';
    const noAgency = await admin.request('POST', '/api/users', { ...newOfficer(agencies.COMMERCE!, 'no.agency@commerce.test'), grants: [{ role: 'officer', agencyId: null }] });
    expect(noAgency.status).toBe(400);
    expect(noAgency.body.error).toMatchObject({ code: 'role_needs_agency', details: { fields: [{ path: 'body.grants.agencyId', message: 'Role officer is exercised within an agency: choose it.' }] } });
    const self = (await admin.request('GET', '/api/session')).body.user.id;
    const refused = await admin.request('POST', `/api/users/${self}/disable`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('cannot_disable_self');
    expect((await admin.request('GET', '/api/session')).status).toBe(200);
  });
});
