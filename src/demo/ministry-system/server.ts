import http from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OkpPublicJwk } from '../../platform/crypto/signing-keys-jwk.ts';
import { DEFAULT_REPLAY_WINDOW_SECONDS } from '../../modules/exchange/signing.ts';
import { EXCHANGE_PREFIX } from '../../modules/exchange/targets.ts';
import { closeServer, listen } from '../demo-process.ts';
import type { Admission } from './admission.ts';
import { checkCertificate } from './certificates.ts';
import { CHECK_CERTIFICATE, MINISTRY_SYSTEM, RECORD_CERTIFICATE, type CheckCertificateRequest, type RecordCertificateRequest } from './contract.ts';
import { discoveryTrust } from './discovery-cache.ts';
import { ministryKey } from './key-file.ts';
import { openMessageLog, readMessageLog } from './message-log-file.ts';
import { ministryProvider } from './provider.ts';
import { openRegister, recordCertificate } from './register-file.ts';
import { rememberLoggedRequests, replayMemory } from './replay-memory.ts';

export interface MinistrySystemOptions {
  /** Where Guichet answers: its public discovery is `{guichetUrl}/api/exchange/discovery`. */
  guichetUrl: string;
  /** The register's own data: its certificates and its message log. */
  dataDir: string;
  /** Its Ed25519 private key (PEM), created when missing. */
  keyFile: string;
  port?: number;
  host?: string;
  /** The base URL callers use, when a proxy stands in front; otherwise the request's Host. */
  publicUrl?: string;
  discoveryTtlMs?: number;
  replayWindowSeconds?: number;
  log?: (message: string) => void;
}

export interface MinistrySystem {
  url: string;
  publicJwk: OkpPublicJwk;
  close(): Promise<void>;
}

const BODY_LIMIT = 64 * 1024;

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const json = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

function headersOf(request: http.IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]])));
}

/**
 * The Ministry of Agriculture's phytosanitary certificate register as a system of its own on plain
 * node:http (it is not part of Guichet): it answers `check-certificate` v1 and `record-certificate` v1 to the members Guichet's
 * discovery says may call it, verifying, signing and logging each message with the exchange's
 * protocol code, its own key and its own log.
 */
export async function startMinistrySystem(options: MinistrySystemOptions): Promise<MinistrySystem> {
  const log = options.log ?? (() => {});
  const replayWindowSeconds = options.replayWindowSeconds ?? DEFAULT_REPLAY_WINDOW_SECONDS;
  const { signer, publicJwk } = ministryKey(options.keyFile);
  const register = openRegister(options.dataDir);
  const messageLog = openMessageLog(options.dataDir);
  const memory = replayMemory();
  rememberLoggedRequests(memory, readMessageLog(options.dataDir), replayWindowSeconds);
  const admission: Admission = {
    self: MINISTRY_SYSTEM,
    services: new Map([CHECK_CERTIFICATE, RECORD_CERTIFICATE].map((s) => [`${s.code}/${s.version}`, new Ajv2020({ allErrors: false, strict: false }).compile(s.requestSchema)])),
    trust: discoveryTrust({ guichetUrl: options.guichetUrl, ttlMs: options.discoveryTtlMs ?? 60_000, log }),
    memory,
    replayWindowSeconds,
  };

  const receive = ministryProvider({
    admission,
    signer,
    log: messageLog,
    answer: (service, body) =>
      service === RECORD_CERTIFICATE.code
        ? recordCertificate(options.dataDir, register, body as RecordCertificateRequest)
        : checkCertificate(register, body as CheckCertificateRequest, new Date().toISOString().slice(0, 10)),
    onError: log,
  });

  async function exchange(request: http.IncomingMessage, response: http.ServerResponse, base: string) {
    const answer = await receive({ method: 'POST', targetUri: `${base}${request.url}`, headers: headersOf(request), body: await readBody(request) });
    response.writeHead(answer.status, answer.headers).end(answer.body);
  }

  async function route(request: http.IncomingMessage, response: http.ServerResponse) {
    // What the caller signed as @target-uri: the address it called.
    const base = options.publicUrl?.replace(/\/+$/, '') ?? `http://${request.headers.host ?? ''}`;
    const path = (request.url ?? '/').split('?')[0]!;
    if (request.method === 'GET' && path === '/healthz') return json(response, 200, { status: 'ok', member: MINISTRY_SYSTEM, certificates: register.length });
    if (request.method === 'POST' && path.startsWith(EXCHANGE_PREFIX)) return exchange(request, response, base);
    return json(response, 404, { error: { code: 'not_found', message: `nothing at ${request.method} ${path}` } });
  }

  const server = http.createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`request failed: ${String(error)}`);
      if (!response.headersSent) json(response, 400, { error: { code: 'bad_request', message: String(error) } });
      else response.end();
    });
  });
  const url = await listen(server, options.port, options.host);
  return { url, publicJwk, close: () => closeServer(server) };
}
