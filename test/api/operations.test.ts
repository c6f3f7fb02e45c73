import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp();
});
afterAll(async () => platform?.close());

describe('operations endpoints', () => {
  it('publishes a valid OpenAPI 3.1 document generated from the route schemas', async () => {
    const response = await fetch(`${platform.url}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as any;
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/audit/entries', '/api/users']));
    expect(document.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });

  it('serves a readable documentation page', async () => {
    const response = await fetch(`${platform.url}/docs/`, { redirect: 'follow' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });

  it('answers liveness and readiness', async () => {
    expect(await (await fetch(`${platform.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${platform.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('exposes Prometheus metrics including request latency by route', async () => {
    await fetch(`${platform.url}/api/agencies`);
    const text = await (await fetch(`${platform.url}/metrics`)).text();
    expect(text).toMatch(/guichet_http_request_duration_seconds_count\{method="GET",route="\/api\/agencies",status="200"\} \d+/);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('sends security headers, a content security policy among them', async () => {
    const response = await fetch(`${platform.url}/api/agencies`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('operating the outbox', () => {
  it('shows dead letters to the platform administrator only, and replays one with an audit entry', async () => {
    const { ApiClient, demoEmail } = await import('../support/client.ts');
    const { db } = platform.database;
    const event = await db.insertInto('outbox_events').values({ topic: 'application.closed', payload: JSON.stringify({ applicationId: 'APP-1' }) }).returning('id').executeTakeFirstOrThrow();
    const delivery = await db
      .insertInto('event_deliveries')
      .values({ event_id: event.id, subscriber: 'archive', status: 'dead', attempts: 10, last_error: 'storage root unreachable', locked_until: null, done_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();

    const officer = new ApiClient(platform.url);
    await officer.login(demoEmail('fatou.sow'));
    expect((await officer.request('GET', '/api/operations/dead-letters')).status).toBe(403);

    const admin = new ApiClient(platform.url);
    await admin.login(demoEmail('admin'));
    const list = await admin.request('GET', '/api/operations/dead-letters');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: delivery.id, topic: 'application.closed', subscriber: 'archive', lastError: 'storage root unreachable' })]);

    expect((await admin.request('POST', '/api/operations/dead-letters/999999/replay')).status).toBe(404);
    expect((await admin.request('POST', `/api/operations/dead-letters/${delivery.id}/replay`, undefined, { 'x-request-id': 'replay-1' })).status).toBe(204);
    const again = await admin.request('POST', `/api/operations/dead-letters/${delivery.id}/replay`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('event_delivery_not_dead');
    const row = await db.selectFrom('event_deliveries').select(['status']).where('id', '=', delivery.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    const audit = await db.selectFrom('audit_entries').select(['action', 'record_id']).where('request_id', '=', 'replay-1').execute();
    expect(audit).toEqual([{ action: 'event.dead_letter_replayed', record_id: String(delivery.id) }]);
  });
});
