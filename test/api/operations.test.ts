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
