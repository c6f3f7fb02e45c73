import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/modules/cases/working-days.ts';
import { loadWorkingCalendar, today } from '../../src/modules/cases/index.ts';
import { fileApplication, payAtDesk, signedIn } from '../support/applications.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let platform: TestApp;
beforeAll(async () => {
  platform = await startTestApp({}, process.env.DATABASE_URL);
});
afterAll(async () => {
  await platform?.close();
});

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('forwarding for review to a second agency', () => {
  it('hands a food marketing file to Health for its opinion, then back to Commerce for the decision', async () => {
    const applicant = await signedIn(platform.url, 'moussa.traore');
    const file = await payAtDesk(platform.url, (await fileApplication(applicant, 'food-marketing-authorisation')).id);
    const commerce = await signedIn(platform.url, 'fatou.sow');
    const health = await signedIn(platform.url, 'nadia.cherif');
    expect((await health.request('GET', `/api/applications/${file.id}`)).status).toBe(404);

    const forwarded = await commerce.request('POST', `/api/applications/${file.id}/actions`, { action: 'forward_to_health' });
    expect(forwarded.body).toMatchObject({ state: 'health_review', holdingAgency: 'HEALTH', agency: 'COMMERCE' });
    expect(ids((await health.request('GET', '/api/cases')).body)).toContain(file.id);
    expect(ids((await commerce.request('GET', '/api/cases')).body)).not.toContain(file.id);
    // Commerce still sees its file, but the opinion is Health's to give.
    const notTheirs = await commerce.request('POST', `/api/applications/${file.id}/actions`, { action: 'favourable_opinion' });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.error.code).toBe('forbidden_agency');
    const healthView = await health.request('GET', `/api/applications/${file.id}`);
    expect(healthView.body.actions.map((a: { action: string }) => a.action).sort()).toEqual(['favourable_opinion', 'request_correction', 'unfavourable_opinion']);

    const opinion = await health.request('POST', `/api/applications/${file.id}/actions`, { action: 'favourable_opinion' });
    expect(opinion.body).toMatchObject({ state: 'commerce_decision', holdingAgency: 'COMMERCE' });
    expect((await health.request('GET', `/api/applications/${file.id}`)).status).toBe(404);
    const approved = await commerce.request('POST', `/api/applications/${file.id}/actions`, { action: 'approve' });
    expect(approved.body.outcome).toBe('approved');
  });
});

describe('deadlines and escalation', () => {
  it('counts the due day in working days, colours the queue and escalates an overdue file once', async () => {
    const applicant = await signedIn(platform.url, 'moussa.traore');
    const file = await payAtDesk(platform.url, (await fileApplication(applicant, 'import-export-card')).id);
    const calendar = loadWorkingCalendar();
    expect(file.dueOn).toBe(addWorkingDays(today(), 5, calendar));
    expect(file.deadlineStatus).toBe('on_time');

    const officer = await signedIn(platform.url, 'fatou.sow');
    expect(ids((await officer.request('GET', '/api/cases?deadline=on_time')).body)).toContain(file.id);
    expect(ids((await officer.request('GET', '/api/cases?deadline=overdue')).body)).not.toContain(file.id);

    // The watch runs as if on the day after the due day.
    const later = addWorkingDays(file.dueOn, 1, calendar);
    expect(await platform.cases.escalateOverdue(later)).toBeGreaterThanOrEqual(1);
    expect(await platform.cases.escalateOverdue(later)).toBe(0);
    const escalated = await officer.request('GET', '/api/cases?escalated=true');
    expect(ids(escalated.body)).toContain(file.id);
    const view = await officer.request('GET', `/api/applications/${file.id}`);
    expect(view.body.escalated).toBe(true);
    expect(view.body.timeline.at(-1)).toMatchObject({ kind: 'escalated', internal: true });
    // The applicant does not see internal entries.
    const own = await applicant.request('GET', `/api/applications/${file.id}`);
    expect(own.body.timeline.some((e: { internal: boolean }) => e.internal)).toBe(false);
    const outbox = await platform.database.db.selectFrom('outbox_events').select(['topic', 'payload']).where('topic', '=', 'application.escalated').execute();
    expect(outbox.map((e) => (e.payload as { applicationId: string }).applicationId)).toContain(file.id);

    // A move clears the mark: the next step has its own deadline.
    const correction = await officer.request('POST', `/api/applications/${file.id}/actions`, { action: 'request_correction', comment: 'Pièce illisible' });
    expect(correction.body.escalated).toBe(false);
    expect(correction.body.dueOn).toBeNull();
  });
});

describe('a business account acts for its company', () => {
  it("shows a file to every user of the company, and to nobody else's", async () => {
    const moussa = await signedIn(platform.url, 'moussa.traore');
    const file = await fileApplication(moussa, 'certificate-of-origin');
    const aicha = await signedIn(platform.url, 'aicha.diallo');
    expect(ids((await aicha.request('GET', '/api/applications')).body)).toContain(file.id);
    const seen = await aicha.request('GET', `/api/applications/${file.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.applicant.label).toBe('Moussa Traoré');
    expect(seen.body.actions.map((a: { action: string }) => a.action)).toContain('withdraw');
    const awa = await signedIn(platform.url, 'awa.ndiaye');
    expect(ids((await awa.request('GET', '/api/applications')).body)).not.toContain(file.id);
    expect((await awa.request('GET', `/api/applications/${file.id}`)).status).toBe(404);
  });
});
