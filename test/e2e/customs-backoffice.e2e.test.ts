import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCustoms } from '../../src/demo/customs-seed.ts';
import { ensureReferenceData } from '../../src/modules/customs/index.ts';
import { ApiClient, demoEmail } from '../support/client.ts';
import { browserStory, chooseTariffLine, documentLanguage, fillGoods, fillHeader, screenshot, seriousAccessibilityViolations, signInInFrench } from './support.ts';

/** Figures are written with the reader's (narrow, non-breaking) spaces: compare them without any. */
const compact = (text: string | null) => (text ?? '').replace(/\s/g, '');
const frenchNumber = (value: number) => new Intl.NumberFormat('fr-FR').format(value);

describe('the customs single window in the browser', { timeout: 240_000 }, () => {
  const { openPage, server } = browserStory();

  beforeAll(async () => {
    // The customs reference data (HS, tariff, rates, offices) and the demo's matrix and risk profiles.
    await ensureReferenceData(server().database.db);
    await seedDemoCustoms(server().database.db);
  }, 180_000);

  it('lets a broker lodge a declaration found by French words, and a customs officer inspect it from the red queue', async () => {
    const page = await openPage();
    await page.goto('/declarations');
    await signInInFrench(page, demoEmail('ousmane.diop'));
    await page.getByRole('heading', { level: 1, name: 'Déclarations en douane' }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
    await navigation.getByRole('link', { name: 'Déclarations en douane' }).waitFor();
    // Lodging is a company's business; the officers' queues are not the broker's.
    expect(await navigation.getByRole('link', { name: 'Douane', exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: 'Déposer une déclaration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Déposer une déclaration' }).waitFor();
    await page.getByText('Votre entreprise : \u2068Transit Sahel SARL\u2069, identifiant fiscal \u2068KD-2015-000871\u2069.').waitFor();
    await fillHeader(page, 'AE');

    // Cement, found by its French name: the heading first, then its national lines.
    const cement = page.getByRole('group', { name: 'Article 1', exact: true });
    await chooseTariffLine(cement, 'ciment', '25.23', '2523.29.00.00');
    await fillGoods(cement, { description: 'Ciment Portland gris en sacs de 50 kg', origin: 'TR', quantity: '30 000', gross: '30 150', net: '30 000', value: '3 600,00', invoice: 'INV-2026-0042' });

    // Cigarettes on a second row: the demo's risk profiles send HS 2402 to the red channel.
    await page.getByRole('button', { name: 'Ajouter un article' }).click();
    const cigarettes = page.getByRole('group', { name: 'Article 2', exact: true });
    await chooseTariffLine(cigarettes, 'cigarettes tabac', '24.02', '2402.20.00.00');
    await fillGoods(cigarettes, { description: 'Cigarettes contenant du tabac', origin: 'AE', quantity: '500', gross: '520', net: '500', value: '12000', invoice: 'INV-2026-0043' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'customs-broker-form');

    await page.getByRole('button', { name: 'Déposer la déclaration' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Déclaration / });
    await heading.waitFor();
    const reference = /KDKAN01-\d{4}-\d{6}/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
    expect(reference).not.toBe('');
    await page.getByText(`Déclaration déposée sous la référence \u2068${reference}\u2069.`).waitFor();

    // What the server decided, read from the API, is what the page says.
    const broker = new ApiClient(server().url);
    await broker.login(demoEmail('ousmane.diop'));
    const lodged = (await broker.request('GET', `/api/customs/declarations/${reference}`)).body;
    expect(lodged).toMatchObject({ channel: 'red', state: 'channel_assigned' });
    const summary = page.locator('.facts.card');
    expect(await summary.textContent()).toContain('Rouge');
    expect(await summary.textContent()).toContain('Circuit attribué');
    expect(compact(await summary.textContent())).toContain(compact(`${frenchNumber(lodged.totalDue)} XOF`));
    await page.getByText('Circuit rouge : visite physique.').waitFor();
    const duty = page.getByRole('table', { name: "Droits et taxes de l'article 1" }).getByRole('row', { name: /Droit de douane/ });
    const dutyLine = lodged.assessment.items[0].lines.find((line: { code: string }) => line.code === 'duty');
    expect(compact(await duty.textContent())).toContain(compact(`Droit de douane : 10 % de ${frenchNumber(dutyLine.basis.base)} = ${frenchNumber(dutyLine.amount)}.`));
    expect(compact(await page.getByText(/^Valeur en douane : 3\s600(,00)? USD × /u).first().textContent())).toContain(compact(`soit ${frenchNumber(lodged.assessment.items[0].customsValue.national)} XOF`));
    await page.getByText(`Total dû : ${frenchNumber(lodged.totalDue)}\u00a0XOF`).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'customs-broker-lodged');

    // The company's list has it.
    await page.getByRole('link', { name: 'Retour aux déclarations' }).click();
    await page.getByRole('table', { name: "Déclarations de l'entreprise" }).getByRole('row', { name: new RegExp(reference) }).getByText('Rouge').waitFor();
    await page.context().close();

    // The customs officer's account speaks Arabic: the queues read right to left.
    const officer = await openPage();
    await officer.goto('/customs');
    await signInInFrench(officer, demoEmail('karim.benali'));
    await officer.getByRole('heading', { level: 1, name: 'الجمارك' }).waitFor();
    expect(await documentLanguage(officer)).toEqual({ lang: 'ar', dir: 'rtl' });
    await officer.getByRole('navigation', { name: 'المسارات' }).getByRole('link', { name: 'أحمر' }).click();
    await expect.poll(() => new URL(officer.url()).search).toBe('?channel=red');
    await officer.getByRole('row', { name: new RegExp(reference) }).getByText('أحمر').waitFor();
    expect(await seriousAccessibilityViolations(officer)).toEqual([]);
    await screenshot(officer, 'customs-officer-queue-ar');

    await officer.getByRole('button', { name: 'Français' }).click();
    const queue = officer.getByRole('table', { name: 'Déclarations — circuit : Rouge, état : Circuit attribué' });
    const row = queue.getByRole('row', { name: new RegExp(reference) });
    await row.getByText('Transit Sahel SARL').waitFor();
    await row.getByRole('link', { name: reference }).click();
    await officer.getByRole('heading', { level: 1, name: `Déclaration \u2068${reference}\u2069` }).waitFor();

    // Why red: the criterion that hit, on which item, and the score against the thresholds.
    await officer.getByText('Article 2 : la ligne tarifaire 2402.20.00.00 commence par 2402 (profil cigarettes).').first().waitFor();
    await officer.getByText('Le profil cigarettes oriente la déclaration au moins vers le circuit rouge.').waitFor();
    await officer.getByText(`Score de risque : ${lodged.risk.score}`).waitFor();
    await officer.getByText('Score 30 : jaune à partir de 40, rouge à partir de 80.').waitFor();
    // The assessment, line by line: the cigarettes' excise with its explanation.
    const excise = officer.getByRole('table', { name: "Droits et taxes de l'article 2" }).getByRole('row', { name: /Droit d'accise/ });
    expect(await excise.textContent()).toMatch(/Droit d’accise : 45 % de [\d\s]+ = [\d\s]+\./u);
    expect(await officer.getByRole('table', { name: 'Articles de la déclaration (valeurs en USD)' }).getByRole('row', { name: /2402\.20\.00\.00/ }).textContent()).toContain('Facture commerciale');

    // A report without findings is refused; the server's message shows at the field.
    const report = officer.getByRole('form', { name: 'Compte rendu de visite' });
    await report.getByRole('button', { name: 'Enregistrer la visite' }).click();
    const findings = report.getByLabel('Constatations');
    await expect.poll(() => findings.getAttribute('aria-invalid')).toBe('true');

    await report.getByLabel('Écart constaté').check();
    await findings.fill('520 cartouches trouvées pour 500 déclarées');
    await report.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await officer.getByText('Visite enregistrée. La déclaration est maintenant : Liquidée.').waitFor();
    expect(await officer.locator('.facts.card').textContent()).toContain('Liquidée');
    await officer.locator('.timeline__entry', { hasText: '520 cartouches trouvées pour 500 déclarées' }).getByText('Écart constaté').waitFor();
    await officer.getByRole('table', { name: 'Notifications envoyées' }).getByRole('row', { name: /Liquidation notifiée/ }).waitFor();
    expect(await officer.getByRole('form', { name: 'Compte rendu de visite' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(officer)).toEqual([]);
    await screenshot(officer, 'customs-officer-inspected');

    // Out of the red queue, into the assessed declarations.
    await officer.getByRole('link', { name: 'Retour à la file des déclarations' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Douane' }).waitFor();
    await officer.getByRole('navigation', { name: 'Circuits' }).getByRole('link', { name: 'Rouge' }).click();
    // The queue is read only once the address says red: an empty previous queue would otherwise pass for it,
    // and the state chosen next would be applied to the queue being replaced.
    await expect.poll(() => new URL(officer.url()).search).toBe('?channel=red');
    await officer.getByRole('table', { name: 'Déclarations — circuit : Rouge, état : Circuit attribué' }).or(officer.getByText('Aucune déclaration dans cette file.')).first().waitFor();
    await expect.poll(() => officer.getByLabel('État').inputValue()).toBe('channel_assigned');
    expect(await officer.getByRole('row', { name: new RegExp(reference) }).count()).toBe(0);
    await officer.getByLabel('État').selectOption({ label: 'Liquidée' });
    await expect.poll(() => Object.fromEntries(new URL(officer.url()).searchParams)).toEqual({ channel: 'red', state: 'assessed' });
    await officer.getByRole('table', { name: 'Déclarations — circuit : Rouge, état : Liquidée' }).getByRole('row', { name: new RegExp(reference) }).waitFor();
    await officer.context().close();
  });

  it('shows the server’s objection to an unknown tariff line next to the HS code, and lodges nothing', async () => {
    const broker = new ApiClient(server().url);
    await broker.login(demoEmail('ousmane.diop'));
    const before = (await broker.request('GET', '/api/customs/declarations')).body.items.length;

    const page = await openPage();
    await page.goto('/declarations/new');
    await signInInFrench(page, demoEmail('ousmane.diop'));
    await page.getByRole('heading', { level: 1, name: 'Déposer une déclaration' }).waitFor();
    await fillHeader(page, 'TR');
    const item = page.getByRole('group', { name: 'Article 1', exact: true });
    await item.getByLabel('Code SH (ligne nationale)').fill('9999.99.99.99');
    await fillGoods(item, { description: 'Ciment', origin: 'TR', quantity: '1000', gross: '1010', net: '1000', value: '120', invoice: 'INV-2026-0099' });
    await page.getByRole('button', { name: 'Déposer la déclaration' }).click();

    const hsCode = item.getByLabel('Code SH (ligne nationale)');
    await expect.poll(() => hsCode.getAttribute('aria-invalid')).toBe('true');
    const message = await page.locator(`#${await hsCode.getAttribute('id')}-error`).textContent();
    expect(message).toBe("La position tarifaire 9999.99.99.99 n'existe pas dans le tarif en vigueur ; cherchez le bon code dans le tarif.");
    // The field announces its error, and the first invalid field takes the focus.
    expect(await hsCode.getAttribute('aria-describedby')).toContain('-error');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('items[0].hsCode');
    await page.getByRole('alert').filter({ hasText: 'La déclaration comporte 1 erreur(s), la première au champ items[0].hsCode.' }).waitFor();
    expect(await item.getByLabel('Origine', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'customs-broker-unknown-hs-code');

    expect((await broker.request('GET', '/api/customs/declarations')).body.items.length).toBe(before);
    await page.context().close();
  });
});
