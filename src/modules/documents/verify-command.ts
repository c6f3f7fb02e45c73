import fs from 'node:fs/promises';
import { keysFromJwks, type VerificationKey } from '../../platform/crypto/signing-keys-jwk.ts';
import { payloadFromPdf } from './pdf-payload.ts';
import { forged, verifyPayload, type Verdict } from './verify.ts';

export interface VerifyCommandOptions {
  /** A JWKS file, as published at /.well-known/jwks.json. */
  keys?: string | undefined;
  /** Where to fetch the JWKS instead. */
  keysUrl?: string | undefined;
  /** Check validity on this day (YYYY-MM-DD or an ISO instant) instead of now. */
  at?: string | undefined;
  json?: boolean | undefined;
}

export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = 'usage: guichet verify FILE|PAYLOAD (--keys jwks.json | --keys-url https://…/.well-known/jwks.json) [--at YYYY-MM-DD] [--json]';

async function readKeys(options: VerifyCommandOptions): Promise<Map<string, VerificationKey>> {
  if (options.keys) return keysFromJwks(JSON.parse(await fs.readFile(options.keys, 'utf8')));
  const response = await fetch(options.keysUrl as string, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${options.keysUrl} answered ${response.status}`);
  return keysFromJwks(await response.json());
}

/** A file (an issued PDF, or text holding the payload) or the payload itself; null: a PDF without one. */
async function payloadOf(input: string): Promise<string | null> {
  const file = await fs.stat(input).then((s) => s.isFile(), () => false);
  if (!file) return input;
  const bytes = await fs.readFile(input);
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? payloadFromPdf(bytes) : bytes.toString('utf8').trim();
}

function describe(verdict: Verdict): string[] {
  if (verdict.status === 'forged') return [`FORGED (${verdict.reason})${verdict.kid ? ` — key ${verdict.kid}` : ''}`];
  const { document } = verdict;
  return [
    `${verdict.status.toUpperCase()} — signed by ${document.issuer} with key ${verdict.kid}`,
    'Revocation is not checked offline: the issuer answers it at /verify.',
    `Document  ${document.number} (${document.type})`,
    `Holder    ${document.holder.name}${document.holder.id ? ` (${document.holder.id})` : ''}`,
    `Issued    ${document.issuedAt.toISOString()}`,
    `Valid     ${document.validFrom} → ${document.validUntil ?? 'no end date'}`,
    ...document.fields.map((f) => `  ${f.label}: ${f.value}`),
  ];
}

/**
 * `guichet verify`: checks a document with nothing but the issuers' published keys — no database,
 * no server (unless the keys are fetched with --keys-url). Exit status 0 when valid, 1 when
 * expired or forged, 2 on a usage error.
 */
export async function verifyCommand(input: string | undefined, options: VerifyCommandOptions, out: CommandOutput = console): Promise<number> {
  if (!input || (!options.keys && !options.keysUrl)) {
    out.error(USAGE);
    return 2;
  }
  const now = options.at ? new Date(options.at) : new Date();
  if (Number.isNaN(now.getTime())) {
    out.error(`--at must be a date (YYYY-MM-DD), got "${options.at}"`);
    return 2;
  }
  let keys: Map<string, VerificationKey>;
  try {
    keys = await readKeys(options);
  } catch (error) {
    out.error(`could not read the keys: ${(error as Error).message}`);
    return 2;
  }
  const payload = await payloadOf(input);
  const verdict = payload === null ? forged('no_payload') : verifyPayload(payload, keys, now);
  if (options.json) out.log(JSON.stringify(verdict, null, 2));
  else for (const line of describe(verdict)) out.log(line);
  return verdict.status === 'valid' ? 0 : 1;
}
