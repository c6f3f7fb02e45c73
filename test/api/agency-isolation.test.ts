import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShippedDefinitions, type ProcedureDefinition } from '../../src/modules/catalogue/index.ts';
import { fileApplication, payAtDesk, signedIn } from '../support/applications.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import type { ApiClient } from '../support/client.ts';

/** The demo's officers, one per agency that has one. */
const OFFICERS = { COMMERCE: 'fatou.sow', CUSTOMS: 'karim.benali', AGRICULTURE: 'amina.belkacem', HEALTH: 'nadia.cherif' } as const;

let platform: TestApp;
let officers: Record<string, ApiClient>;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
  officers = Object.fromEntries(await Promise.all(Object.entries(OFFICERS).map(async ([agency, name]) => [agency, await signedIn(platform.url, name)])));
});
afterAll(async () => {
  await platform?.close();
});

const definitions = (await readShippedDefinitions()).map(({ raw }) => raw as ProcedureDefinition);

describe('agency isolation over every shipped procedure', () => {
  it.each(definitions.map((d) => [d.id, d] as const))('%s: officers of other agencies never see or act on the file', async (_id, definition) => {
    const applicant = await signedIn(platform.url, definition.applicants.includes('business') ? 'moussa.traore' : 'awa.ndiaye');
    let file = await fileApplication(applicant, definition.id);
    if (file.state === 'payment_due') file = await payAtDesk(platform.url, file.id);
    expect(file.holder).toBe('agency');
    const attachment = file.attachments[0];

    for (const [agency, officer] of Object.entries(officers)) {
      const ownAgency = agency === definition.agency || agency === file.holdingAgency;
      const queue = await officer.request('GET', `/api/cases?view=all&q=${file.reference}`);
      expect(queue.status).toBe(200);
      const read = await officer.request('GET', `/api/applications/${file.id}`);
      if (ownAgency) {
        expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(file.id);
        expect(read.status).toBe(200);
        continue;
      }
      expect(queue.body.items).toEqual([]);
      expect(read.status).toBe(404);
      for (const transition of definition.workflow.transitions.filter((t) => t.by === 'staff')) {
        const acted = await officer.request('POST', `/api/applications/${file.id}/actions`, { action: transition.action, comment: 'test' });
        expect(acted.status).toBe(404);
      }
      expect((await officer.request('POST', `/api/applications/${file.id}/comments`, { text: 'hello' })).status).toBe(404);
      expect((await officer.request('POST', `/api/cases/${file.id}/claim`)).status).toBe(404);
      if (attachment) expect((await officer.request('GET', `/api/applications/${file.id}/attachments/${attachment.id}`)).status).toBe(404);
      expect((await officer.request('GET', `/api/cases?agency=${definition.agency}`)).status).toBe(403);
    }
    // Nothing those refusals tried changed the file.
    const after = await applicant.request('GET', `/api/applications/${file.id}`);
    expect(after.body.state).toBe(file.state);
    expect(after.body.timeline.filter((e: { kind: string }) => e.kind === 'comment')).toEqual([]);
  });
});
