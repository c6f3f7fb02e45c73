import http from 'node:http';
import https from 'node:https';
import type { RequestDescription, ResponseDescription } from './signing-base.ts';

const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }) };

/**
 * Sends a signed request as it was signed (method, target, headers, bytes) and reads the whole
 * answer. node:http with a keep-alive agent rather than fetch: the exchange makes many small calls
 * to few peers, and fetch costs noticeably more per call. Rejects on a network failure or timeout.
 */
export function httpExchange(request: RequestDescription, timeoutMs: number): Promise<ResponseDescription> {
  const url = new URL(request.targetUri);
  const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      { method: request.method, headers: { ...request.headers, 'content-length': String(body.byteLength) }, agent: agents[url.protocol as 'http:' | 'https:'], timeout: timeoutMs },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers[name] = value;
          resolve({ status: incoming.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer from ${url.host} within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
