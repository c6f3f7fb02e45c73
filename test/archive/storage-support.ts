import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { archiveReadsOf, archiveRoots, createArchive, type Archive } from '../../src/modules/archive/index.ts';
import type { TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { eventually } from '../documents/support.ts';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Where a root keeps a content (ab/cd/<sha256>), to damage or read it as a disk fault would. */
export const copyPath = (root: string, digest: string) => path.join(root, digest.slice(0, 2), digest.slice(2, 4), digest);

/** The archive service over the platform's own database, sources and roots (as `env` sets them). */
export function archiveOf(platform: TestApp, env: Record<string, string> = {}): Archive {
  const { database, cases, documents, customs } = platform;
  return createArchive({ db: database.db, roots: archiveRoots(env, platform.dataDir), reads: archiveReadsOf({ db: database.db, cases, documents, customs }), country: 'KD' });
}

/** Salma, archivist of the National Archives: reads every agency's packages. */
export const archivist = (platform: TestApp): Promise<ApiClient> => signedIn(platform.url, 'salma.elidrissi');

/** The package of a source record once the outbox has archived it, with its files and events. */
export async function packageOf(client: ApiClient, reference: string) {
  const summary = await eventually(async () => {
    const list = await client.request('GET', `/api/archive/packages?source=${reference}`);
    if (list.status !== 200) throw new Error(`packages: ${list.status} ${JSON.stringify(list.body)}`);
    return list.body.items[0];
  }, 30_000);
  const detail = await client.request('GET', `/api/archive/packages/${summary.identifier}`);
  if (detail.status !== 200) throw new Error(`package ${summary.identifier}: ${detail.status} ${JSON.stringify(detail.body)}`);
  return detail.body;
}

export const fileAt = (pkg: { files: { path: string }[] }, prefix: string) => {
  const file = pkg.files.find((f) => f.path.startsWith(prefix));
  if (!file) throw new Error(`no ${prefix} in the package`);
  return file as { path: string; sha256: string; size: number; copies: { root: string; state: string }[] };
};

export const readCopy = (root: string, digest: string) => fs.readFile(copyPath(root, digest));
