import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient } from '../support/client.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp();
});
afterAll(async () => platform?.close());

const applicant = (email: string, extra: object = {}) => ({ email, password: 'a-long-enough-password', displayName: 'Khadija Benali', locale: 'ar', ...extra });

describe('opening an applicant account', () => {
  it('lets a citizen register and sign in as an applicant', async () => {
    const client = new ApiClient(platform.url);
    const created = await client.request('POST', '/api/auth/register', applicant('khadija.benali@example.test'));
    expect(created.status).toBe(201);
    const login = await client.login('khadija.benali@example.test', 'a-long-enough-password');
    expect(login.body.user).toMatchObject({ locale: 'ar', roles: [{ role: 'applicant', agencyId: null }], company: null });
  });

  it('lets a business register the company it acts for, identified by its tax id', async () => {
    const client = new ApiClient(platform.url);
    const created = await client.request('POST', '/api/auth/register', applicant('achats@sahel-cereales.test', { company: { taxId: ' kd-2021-778899 ', name: 'Sahel Céréales SA' } }));
    expect(created.status).toBe(201);
    const login = await client.login('achats@sahel-cereales.test', 'a-long-enough-password');
    expect(login.body.user.company).toEqual({ taxId: 'KD-2021-778899', name: 'Sahel Céréales SA' });
    const audit = await platform.database.db.selectFrom('audit_entries').select('action').where('actor_id', '=', login.body.user.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['company.registered', 'user.registered', 'auth.login']);
  });

  it('refuses to attach a second account to an existing company, and creates nothing', async () => {
    const client = new ApiClient(platform.url);
    const response = await client.request('POST', '/api/auth/register', applicant('intrus@example.test', { company: { taxId: 'KD-2019-004512', name: 'Faux nom' } }));
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('company_already_registered');
    expect(response.body.error.message).toContain('KD-2019-004512');
    const user = await platform.database.db.selectFrom('users').select('id').where('email', '=', 'intrus@example.test').execute();
    expect(user).toEqual([]);
  });

  it('refuses a malformed tax id with the field named', async () => {
    const response = await new ApiClient(platform.url).request('POST', '/api/auth/register', applicant('x@example.test', { company: { taxId: '??', name: 'Nom' } }));
    expect(response.status).toBe(400);
    expect(response.body.error.details.fields[0].path).toBe('body.company.taxId');
  });
});
