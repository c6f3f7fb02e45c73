import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ApiClient, demoEmail } from '../support/client.ts';

let platform: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  platform = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
  admin = new ApiClient(platform.url);
  await admin.login(demoEmail('admin'));
});
afterAll(async () => platform?.close());

const countUsers = async () => Number((await platform.database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('bad input gets a 400 that says what to fix, and nothing is stored', () => {
  it('refuses malformed JSON', async () => {
    const before = await countUsers();
    const response = await admin.request('POST', '/api/users', '{"email": "x@y.test",');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_json');
    expect(response.body.error.message).toMatch(/JSON valide/);
    expect(await countUsers()).toBe(before);
  });

  it('names an unknown field and asks to remove it', async () => {
    admin.language = 'en';
    const response = await admin.request('POST', '/api/auth/register', {
      email: 'new.citizen@example.test',
      password: 'long-enough-password',
      displayName: 'Nouveau',
      locale: 'fr',
      isAdmin: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.message).toContain('"body.isAdmin" is not a known field; remove it');
    expect(response.body.error.details.fields).toContainEqual(expect.objectContaining({ path: 'body.isAdmin', keyword: 'additionalProperties' }));
    admin.language = 'fr';
  });

  it('names wrong types and missing fields, nested ones included, without coercing strings to numbers', async () => {
    const before = await countUsers();
    const response = await admin.request('POST', '/api/users', {
      email: 'not-an-email',
      displayName: 'Ok Name',
      password: 12345678901,
      grants: [{ role: 'officer', agencyId: 'nope' }],
    });
    expect(response.status).toBe(400);
    const paths = response.body.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body.locale', 'body.grants[0].agencyId']));
    expect(response.body.error.message).toContain('« body.locale » est obligatoire');
    expect(await countUsers()).toBe(before);
  });

  it('refuses an oversized body with 413', async () => {
    const response = await admin.request('POST', '/api/auth/register', { email: 'a@b.test', password: 'x'.repeat(10_000), displayName: 'Big', locale: 'fr' });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('body_too_large');
    expect(response.body.error.message).toContain('4096');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await admin.request('POST', '/api/auth/login', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
  });

  it('refuses a weak password and a duplicate e-mail with actionable messages', async () => {
    const weak = await new ApiClient(platform.url).request('POST', '/api/auth/register', { email: 'weak@example.test', password: 'short', displayName: 'Weak', locale: 'fr' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toContain('10 caractères');
    const taken = await new ApiClient(platform.url).request('POST', '/api/auth/register', { email: 'AWA.NDIAYE@demo.guichet.test', password: 'long-enough-password', displayName: 'Copy', locale: 'fr' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
  });

  it('answers unknown API paths with the same error shape and serves request ids', async () => {
    const response = await admin.request('GET', '/api/nothing-here', undefined, { 'x-request-id': 'trace-123' });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('route_not_found');
    expect(response.headers.get('x-request-id')).toBe('trace-123');
  });
});

describe('malformed requests Fastify itself refuses', () => {
  it('answers an undecodable URL and a lying Content-Length with a 400 in the one error shape', async () => {
    const badUrl = await fetch(`${platform.url}/api/users/%zz/disable`, { method: 'POST', headers: { 'accept-language': 'en' } });
    expect(badUrl.status).toBe(400);
    expect(await badUrl.json()).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('The request is malformed') } });
    const lying = await platform.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': '5' }, payload: '{"a":1}' });
    expect(lying.statusCode).toBe(400);
    expect(lying.json().error.code).toBe('bad_request');
  });
});
