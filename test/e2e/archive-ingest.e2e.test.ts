import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../support/client.ts';
import { arabicPage, frenchPage } from '../archive/scanned-ingest-support.ts';
import { browserStory, documentLanguage, screenshot, seriousAccessibilityViolations, signInInFrench } from './support.ts';

const shoot = (page: Page, name: string) => screenshot(page, `archive-ingest-${name}`);

/** Issue 8 item 3 in the browser: an archivist ingests a batch of scans, follows each file, and sees what became of it. */
describe('the scanned-records ingest in the browser', { timeout: 180_000 }, () => {
  const { openPage, server } = browserStory();
  let french: Buffer;
  let arabic: Buffer;

  beforeAll(async () => {
    [french, arabic] = await Promise.all([frenchPage(), arabicPage()]);
  });

  it('sends two scans with a bar each, shows the packages they became, and refuses a file that is not what it claims, saying why', async () => {
    const page = await openPage();
    await page.goto('/archive/ingest');
    await signInInFrench(page, demoEmail('salma.elidrissi'));
    // Salma El Idrissi's account speaks Arabic; she works in French today.
    await page.getByRole('heading', { level: 1, name: 'إيداع وثائق ممسوحة ضوئيًا' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verser des documents numérisés' }).waitFor();

    // Sent without a title: the server names the field.
    await page.getByLabel('Administration productrice').selectOption('CUSTOMS');
    await page.getByLabel('Objet ou type de documents').fill('Registres portuaires');
    await page.getByLabel('Date des documents (ou début de la période)').fill('1987');
    await page.getByLabel('Fin de la période (facultatif)').fill('1988-06');
    await page.getByLabel('Classe de conservation').selectOption('customs-declarations-10y');
    // The page offered Arabic, the language it opened in: French too, the main language first.
    await page.getByRole('checkbox', { name: 'Français' }).check();
    await page.getByRole('checkbox', { name: 'Arabe' }).check();
    await page.getByLabel('Fichiers numérisés').setInputFiles([
      { name: 'prefecture.png', mimeType: 'image/png', buffer: french },
      { name: 'registre-arabe.png', mimeType: 'image/png', buffer: arabic },
      // A scan saved under the wrong name: a PNG that says it is a PDF.
      { name: 'feuillet.pdf', mimeType: 'application/pdf', buffer: french },
    ]);
    await page.getByRole('button', { name: 'Verser les fichiers' }).click();
    await page.getByText('Donnez un titre aux documents, en français, en arabe ou en anglais.').first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '01-form-refused');

    await page.getByLabel('Titre en français').fill('Registres du port de Kandara');
    await page.getByLabel('Titre en arabe').fill('سجلات ميناء كندارة');
    await page.getByRole('button', { name: 'Verser les fichiers' }).click();

    // Each file has its bar while it is sent and read; the second waits while the first is read.
    const files = page.getByRole('region', { name: /Fichiers du lot KD-SCAN-/ });
    const second = files.getByRole('progressbar', { name: 'Progression de registre-arabe.png' });
    await second.waitFor();
    await files.getByText(/Reçu, en attente de lecture|Lecture du texte : \d+ %/).first().waitFor();
    await shoot(page, '02-progress');
    // The bad file is refused on its own, with the reason; the others go on.
    const refused = files.getByRole('listitem').filter({ hasText: 'feuillet.pdf' });
    await refused.getByText('Refusé').waitFor();
    await refused.getByText('feuillet.pdf : le nom ou le type déclaré indique application/pdf, mais le contenu est image/png.').waitFor();

    await page.getByText(/^Lot KD-SCAN-\d{4}-\d{6} terminé : 2 fichier\(s\) archivé\(s\), 1 refusé\(s\)\.$/).waitFor({ timeout: 90_000 });
    const identifiers: string[] = [];
    for (const name of ['prefecture.png', 'registre-arabe.png']) {
      const row = files.getByRole('listitem').filter({ hasText: name });
      await row.getByText('1 page(s) lue(s)').waitFor();
      const link = row.getByRole('link', { name: /^KD-ARC-\d{4}-\d{6}$/ });
      identifiers.push((await link.textContent()) ?? '');
      expect(await row.getByRole('progressbar').count()).toBe(0);
    }
    expect(new Set(identifiers).size).toBe(2);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '03-done');

    // What the page shows is what the archive holds.
    const stored = await server().database.db.selectFrom('archive_packages').select(['identifier', 'state', 'source_type']).where('identifier', 'in', identifiers).orderBy('identifier').execute();
    expect(stored).toEqual(identifiers.sort().map((identifier) => ({ identifier, state: 'stored', source_type: 'scanned_record' })));

    // In Arabic, right to left, the same page.
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'إيداع وثائق ممسوحة ضوئيًا' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByText('مؤرشف').first().waitFor();
    await shoot(page, '04-arabic');
  });
});
