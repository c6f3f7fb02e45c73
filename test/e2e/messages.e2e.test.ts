import { describe, expect, it } from 'vitest';
import { fileApplication, signedIn } from '../support/applications.ts';
import { demoEmail } from '../support/client.ts';
import { browserStory, screenshot, seriousAccessibilityViolations, signInInFrench } from './support.ts';

describe('my messages', { timeout: 120_000 }, () => {
  const { openPage, server } = browserStory();

  it('shows a citizen the e-mail the platform kept for her, in her language, once her file moved', async () => {
    const file = await fileApplication(await signedIn(server().url, 'awa.ndiaye'), 'criminal-record-extract');
    const page = await openPage();
    await page.goto('/');
    await signInInFrench(page, demoEmail('awa.ndiaye'));
    await page.getByRole('link', { name: 'Mes messages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes messages' }).waitFor();
    // Sent from the outbox once the submission committed; it ended awaiting the fee, and one message says so.
    const subject = new RegExp(`^${file.reference}\\s:\\sdes frais sont à régler$`);
    await expect
      .poll(async () => {
        await page.reload();
        // The list is fetched after the page loads: wait for it (or its empty state) before counting.
        await page.getByText(/^Messages \d+ à \d+ sur \d+$|^Aucun message/).first().waitFor();
        return page.getByRole('heading', { name: subject }).count();
      }, { timeout: 15_000 })
      .toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'messages-01-kept-emails');
  });
});
