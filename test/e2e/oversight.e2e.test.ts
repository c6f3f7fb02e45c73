import fs from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureReferenceData } from '../../src/modules/customs/index.ts';
import { storeFacts, type DeclarationFact } from '../../src/modules/oversight/index.ts';
import { demoEmail } from '../support/client.ts';
import { browserStory, screenshot, seriousAccessibilityViolations, signInInFrench } from './support.ts';

const today = new Date().toISOString().slice(0, 10);
/** A declaration of today as the read model holds it. */
const fact = (n: number, channel: DeclarationFact['channel']): DeclarationFact => ({
  system: 'guichet',
  source_id: `e2e-${n}`,
  reference: `KDKAN01-2026-80000${n}`,
  office_code: 'KDKAN01',
  regime: 'import_home_use',
  channel,
  state: 'released',
  lodged_on: today,
  lodged_at: new Date(),
  paid_on: today,
  released_at: new Date(),
  clearance_seconds: 3_600 * n,
  duty: 10_000 * n,
  statistical_fee: 0,
  community_levy: 0,
  excise: 0,
  vehicle_surcharge: 0,
  vat: 1_800 * n,
  risk_hits: [],
  inspection_outcome: null,
  progress: 3,
});

describe('the dashboards in the browser', { timeout: 240_000 }, () => {
  const { openPage, server } = browserStory();

  beforeAll(async () => {
    await ensureReferenceData(server().database.db);
    await storeFacts(server().database.db, [fact(1, 'green'), fact(2, 'green'), fact(3, 'red')]);
  }, 180_000);

  it("shows the auditor today's declarations as a chart, and downloads it as CSV", async () => {
    const page = await openPage();
    await page.goto('/oversight');
    await signInInFrench(page, demoEmail('leila.haddad'));
    // Leila Haddad's account speaks English.
    await page.getByRole('heading', { level: 1, name: 'Dashboards' }).waitFor();
    const perDay = page.getByRole('region', { name: 'Declarations per day' });
    await perDay.locator('svg.recharts-surface').first().waitFor();
    expect(await perDay.locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await perDay.getByText('Declarations lodged: 3; days with lodgements: 1.').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), perDay.getByRole('link', { name: 'Download as CSV' }).click()]);
    const csv = await fs.readFile((await download.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual(['Day,Regime,Channel,Declarations', `${today},import_home_use,green,2`, `${today},import_home_use,red,1`, '']);

    await page.getByRole('region', { name: 'Clearance time' }).getByText(/median 2 h 00 min/).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'oversight-dashboards');
  });
});
