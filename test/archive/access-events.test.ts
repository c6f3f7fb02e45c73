import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/modules/archive/index.ts';
import { jsonFile, type PackageSource } from '../../src/modules/archive/package.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { signedIn } from '../support/applications.ts';
import type { ApiClient } from '../support/client.ts';
import { archiveOf, archivist } from './storage-support.ts';

/**
 * Issue 8: every read of a package's content or detail by a person is a PREMIS `access` event on
 * the package, naming the reader and saying what was read — the archivists' own package view
 * included, and a read allowed only by a granted access request saying so.
 */
let platform: TestApp;
let archive: Archive;
let salma: ApiClient;
let karim: ApiClient;
const db = () => platform.database.db;

/** A closed Customs record of one form, restricted as ingested. */
const customsRecord = (title: string): PackageSource => ({
  sourceType: 'customs_declaration',
  sourceId: randomUUID(),
  reference: `A-${randomUUID().slice(0, 8).toUpperCase()}`,
  agencyCode: 'CUSTOMS',
  retentionClass: 'customs-declarations-10y',
  description: { title: { fr: title, ar: title, en: title }, creator: { fr: 'Douanes', ar: 'الجمارك', en: 'Customs' }, subject: 'test', date: '2026-03-12', type: 'Collection', language: ['fr'] },
  files: [jsonFile('data/declaration.json', 'form', { title })],
});

const userId = async (email: string) => (await db().selectFrom('users').select('id').where('email', '=', `${email}@demo.guichet.test`).executeTakeFirstOrThrow()).id;

async function accessEvents(identifier: string) {
  return db()
    .selectFrom('archive_events as e')
    .innerJoin('archive_packages as p', 'p.id', 'e.package_id')
    .leftJoin('archive_files as f', 'f.id', 'e.file_id')
    .select(['e.agent', 'e.detail', 'f.path'])
    .where('p.identifier', '=', identifier)
    .where('e.event_type', '=', 'access')
    .orderBy('e.id')
    .execute();
}

beforeAll(async () => {
  platform = await startTestApp();
  archive = archiveOf(platform);
  // Karim is the Customs archivist here: he decides requests on Customs' records.
  const customs = await db().selectFrom('agencies').select('id').where('code', '=', 'CUSTOMS').executeTakeFirstOrThrow();
  await db().insertInto('role_grants').values({ user_id: await userId('karim.benali'), role: 'archivist', agency_id: customs.id }).execute();
  [salma, karim] = await Promise.all([archivist(platform), signedIn(platform.url, 'karim.benali')]);
}, 60_000);

afterAll(async () => {
  await platform?.close();
});

describe('every read of an archived package is logged', () => {
  it("logs the archivist's package view, naming the archivist, and the next view shows the earlier read", async () => {
    const { identifier } = await archive.ingest(customsRecord('Manifeste du navire Sinbara'));
    expect(await accessEvents(identifier)).toEqual([]);

    const first = await salma.request('GET', `/api/archive/packages/${identifier}`);
    expect(first.status).toBe(200);
    const logged = await accessEvents(identifier);
    expect(logged).toEqual([{ agent: `user:${await userId('salma.elidrissi')}`, detail: expect.stringMatching(/^package view read: description, 2 files/), path: null }]);
    // Logged after the read: the view does not list itself, the next one lists it.
    expect(first.body.events.filter((e: { type: string }) => e.type === 'access')).toEqual([]);
    const second = await salma.request('GET', `/api/archive/packages/${identifier}`);
    expect(second.body.events.filter((e: { type: string }) => e.type === 'access')).toMatchObject([{ agent: logged[0]?.agent, outcome: 'success' }]);
    expect(await accessEvents(identifier)).toHaveLength(2);
  });

  it('logs nothing for a read that is refused', async () => {
    const { identifier } = await archive.ingest(customsRecord('Registre des entrepôts sous douane'));
    const awa = await signedIn(platform.url, 'awa.ndiaye');
    expect((await awa.request('GET', `/api/archive/packages/${identifier}`)).status).toBe(403);
    expect((await awa.request('GET', `/api/archive/records/${identifier}`)).status).toBe(404);
    expect((await awa.request('GET', `/api/archive/records/${identifier}/file?path=data/declaration.json`)).status).toBe(404);
    expect(await accessEvents(identifier)).toEqual([]);
  });

  it('says when a read was allowed by a granted access request, and not when the reader is an archivist of the record', async () => {
    const { identifier } = await archive.ingest(customsRecord('Déclaration de transit vers Takoro'));
    const awa = await signedIn(platform.url, 'awa.ndiaye');
    const asked = await awa.request('POST', `/api/archive/packages/${identifier}/access-requests`, { reason: 'Histoire du commerce de transit régional' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect((await karim.request('POST', `/api/archive/access-requests/${asked.body.id}/decision`, { grant: true, days: 3 })).status).toBe(200);

    expect((await awa.request('GET', `/api/archive/records/${identifier}`)).status).toBe(200);
    expect((await awa.request('GET', `/api/archive/records/${identifier}/file?path=data/declaration.json`)).status).toBe(200);
    expect((await karim.request('GET', `/api/archive/records/${identifier}`)).status).toBe(200);

    const [awaId, karimId] = [await userId('awa.ndiaye'), await userId('karim.benali')];
    expect(await accessEvents(identifier)).toEqual([
      { agent: `user:${awaId}`, detail: 'description and file list read under a granted access request', path: null },
      { agent: `user:${awaId}`, detail: 'data/declaration.json downloaded under a granted access request', path: 'data/declaration.json' },
      { agent: `user:${karimId}`, detail: 'description and file list read', path: null },
    ]);
  });
});
