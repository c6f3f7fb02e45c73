import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCustoms } from '../../src/demo/customs-seed.ts';
import { ensureReferenceData } from '../../src/modules/customs/index.ts';
import { recordPermit, revokePermit } from '../../src/modules/permits/index.ts';
import { systemContext } from '../../src/platform/audit/record.ts';
import { signedIn } from '../support/applications.ts';
import { demoEmail, type ApiClient } from '../support/client.ts';
import { BROKER, cementItem, declarationOf, IMPORTER } from '../support/customs.ts';
import { pdfText } from '../documents/support.ts';
import { browserStory, documentLanguage, screenshot, seriousAccessibilityViolations, signInInFrench } from './support.ts';

/** Figures are written with the reader's (narrow, non-breaking) spaces: compare them without any. */
const compact = (text: string | null) => (text ?? '').replace(/\s/g, '');
const frenchMoney = (value: number) => `${new Intl.NumberFormat('fr-FR').format(value)} XOF`;
const isolated = (text: string) => `\u2068${text}\u2069`;
const key = () => `e2e-duties-${randomUUID()}`;

interface Declaration {
  id: string;
  reference: string;
  state: string;
  totalDue: number;
}

describe('paying a declaration’s duties in the browser', { timeout: 240_000 }, () => {
  const { openPage, server } = browserStory();
  let broker: ApiClient;
  let officer: ApiClient;
  let cashier: ApiClient;

  beforeAll(async () => {
    // The customs reference data (HS, tariff, rates, offices) and the demo's matrix and risk profiles.
    await ensureReferenceData(server().database.db);
    await seedDemoCustoms(server().database.db);
    // The seed registered the permit registers' services: the exchange sees them on its next message.
    server().exchange.invalidateRegistry();
    broker = await signedIn(server().url, 'ousmane.diop');
    officer = await signedIn(server().url, 'karim.benali');
    cashier = await signedIn(server().url, 'ibrahima.fall');
  }, 180_000);

  /** Cement (by default citing no document an agency must confirm), lodged by the broker; inspected conform when selectivity sent it yellow or red. */
  async function assessedCementDeclaration(declaration = declarationOf()): Promise<Declaration> {
    const lodged = await broker.request('POST', '/api/customs/declarations', declaration);
    expect(lodged.status, JSON.stringify(lodged.body)).toBe(201);
    if (lodged.body.state === 'assessed') return lodged.body;
    expect(lodged.body.state).toBe('channel_assigned');
    const inspected = await officer.request('POST', `/api/customs/declarations/${lodged.body.reference}/inspection`, { outcome: 'conform', findings: 'Ciment conforme à la déclaration' });
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
    expect(inspected.body.state).toBe('assessed');
    return inspected.body;
  }

  const balance = async (): Promise<number> => (await broker.request('GET', `/api/payments/prepaid/${BROKER.taxId}`)).body.balance;
  const stateOf = async (reference: string): Promise<string> => (await broker.request('GET', `/api/customs/declarations/${reference}`)).body.state;

  async function openAsBroker(reference: string): Promise<Page> {
    const page = await openPage();
    await page.goto(`/declarations/${reference}`);
    await signInInFrench(page, demoEmail('ousmane.diop'));
    await page.getByRole('heading', { level: 1, name: `Déclaration ${isolated(reference)}` }).waitFor();
    return page;
  }

  it('lets the broker pay from the company’s prepaid account, then download the release note once the goods are released', async () => {
    const declaration = await assessedCementDeclaration();
    const before = await balance();
    const deposited = await cashier.request('POST', '/api/payments/prepaid/deposits', { taxId: BROKER.taxId, amount: declaration.totalDue + 5_000, receipt: `DEP-${randomUUID().slice(0, 8)}` }, { 'idempotency-key': key() });
    expect(deposited.status, JSON.stringify(deposited.body)).toBe(201);
    const available = before + declaration.totalDue + 5_000;

    const page = await openAsBroker(declaration.reference);
    const panel = page.getByRole('region', { name: 'Payer les droits et taxes' });
    const due = panel.getByText(/^Montant dû pour la déclaration/);
    expect(compact(await due.textContent())).toBe(compact(`Montant dû pour la déclaration ${isolated(declaration.reference)} : ${frenchMoney(declaration.totalDue)}`));
    const shownBalance = panel.getByText(/^Solde du compte prépayé de/);
    expect(compact(await shownBalance.textContent())).toBe(compact(`Solde du compte prépayé de ${isolated('Transit Sahel SARL')} : ${frenchMoney(available)}`));
    // The other way, by mobile money, is offered beside it.
    await panel.getByRole('form', { name: 'Payer par mobile money' }).getByLabel('Numéro de téléphone').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'customs-duties-assessed');

    await panel.getByRole('button', { name: /depuis le compte prépayé$/ }).click();
    await page.getByText(/^Droits et taxes payés \(reçu n° .*KD-RC-\d{4}-\d{6}.*\)\. La mainlevée est en cours\.$/u).waitFor();
    // Released from the outbox a moment later: the page follows it by itself.
    const release = page.getByRole('region', { name: 'Mainlevée' });
    await release.getByText(/^Mainlevée donnée le .+ : les marchandises peuvent être enlevées\.$/).waitFor();
    expect(await page.locator('.facts.card').textContent()).toContain('Mainlevée donnée');
    expect(await page.getByRole('region', { name: 'Payer les droits et taxes' }).count()).toBe(0);
    const noteLink = release.getByRole('link', { name: /^Télécharger le bon à enlever n° .+ \(PDF\)$/ });
    await noteLink.waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'customs-duties-released');

    // What the page says is what the server holds.
    const released = (await broker.request('GET', `/api/customs/declarations/${declaration.reference}`)).body;
    expect(released).toMatchObject({ state: 'released' });
    expect(released.notifications.at(-1)).toMatchObject({ kind: 'cleared' });
    expect(await balance()).toBe(available - declaration.totalDue);
    const note = (await broker.request('GET', `/api/documents/release-notes/${declaration.id}`)).body;
    expect(await noteLink.textContent()).toContain(note.number);

    const [download] = await Promise.all([page.waitForEvent('download'), noteLink.click()]);
    expect(download.suggestedFilename()).toBe(`${note.number}.pdf`);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain(declaration.reference);
    expect(text).toContain('Bon à enlever');
    await page.context().close();
  });

  it('lets the broker pay by mobile money, confirmed on the demo’s simulated phone, and follows the release', async () => {
    const declaration = await assessedCementDeclaration();
    const page = await openAsBroker(declaration.reference);
    const form = page.getByRole('region', { name: 'Payer les droits et taxes' }).getByRole('form', { name: 'Payer par mobile money' });
    await form.getByLabel('Numéro de téléphone').fill('+226 70 44 00 12');
    const pay = form.getByRole('button', { name: /^Payer / });
    expect(compact(await pay.textContent())).toBe(compact(`Payer ${frenchMoney(declaration.totalDue)}`));
    await pay.click();
    await page.getByRole('heading', { name: 'Confirmez sur votre téléphone' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'customs-duties-confirm-on-phone');

    // The simulated phone, in a second tab: the payer confirms there.
    const [handset] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: /Ouvrir le téléphone simulé/ }).click()]);
    await handset.getByText(declaration.reference, { exact: false }).first().waitFor();
    await handset.getByRole('button', { name: 'Confirmer' }).click();
    await handset.getByText('Aucune demande en attente.').waitFor();
    await handset.close();

    await page.getByText('Droits et taxes payés par mobile money. La mainlevée est en cours.').waitFor({ timeout: 30_000 });
    await page.getByRole('region', { name: 'Mainlevée' }).getByText(/^Mainlevée donnée le /).waitFor();
    expect(await stateOf(declaration.reference)).toBe('released');
    await page.context().close();
  });

  it('says what the prepaid account lacks, takes nothing, and leaves the declaration assessed', async () => {
    const declaration = await assessedCementDeclaration();
    const left = await balance();
    expect(left).toBeLessThan(declaration.totalDue);

    const page = await openAsBroker(declaration.reference);
    const panel = page.getByRole('region', { name: 'Payer les droits et taxes' });
    await panel.getByRole('button', { name: /depuis le compte prépayé$/ }).click();
    const refusal = panel.getByRole('alert').filter({ hasText: 'Le compte prépayé ne couvre pas ces droits' });
    await refusal.waitFor();
    expect(compact(await refusal.textContent())).toBe(
      compact(
        `Le compte prépayé ne couvre pas ces droits : solde ${frenchMoney(left)}, montant dû ${frenchMoney(declaration.totalDue)}, il manque ${frenchMoney(declaration.totalDue - left)}. Rien n'a été prélevé. Faites un dépôt au guichet du Trésor ou payez par mobile money.`,
      ),
    );
    expect(await page.locator('.facts.card').textContent()).toContain('Liquidée');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'customs-duties-prepaid-insufficient');

    expect(await stateOf(declaration.reference)).toBe('assessed');
    expect(await balance()).toBe(left);

    // The same panel in Arabic, right to left.
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('region', { name: 'دفع الرسوم والضرائب' }).getByRole('button', { name: /من الحساب المسبق الدفع$/ }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'customs-duties-ar');
    // The choice is kept on the account: back to French for the stories after this one.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('region', { name: 'Payer les droits et taxes' }).waitFor();
    await expect.poll(async () => (await broker.request('GET', '/api/session')).body.user.locale).toBe('fr');
    await page.context().close();
  });

  it('shows a release blocked by a licence revoked after lodging, with the issuer’s refusal in the reader’s words', async () => {
    const context = systemContext('customs payment e2e');
    const number = `KD-LIC-${new Date().getUTCFullYear()}-E2E${process.pid % 1000}`;
    await recordPermit(server().database.db, context, { number, type: 'import_licence', agencyCode: 'COMMERCE', holderTaxId: IMPORTER.taxId, holderName: IMPORTER.name, hsPrefix: '2523', unit: 'KGM', quantity: 100_000, validFrom: '2026-01-01', validUntil: '2030-12-31' });
    const cited = cementItem({ documents: [...cementItem().documents, { type: 'import_licence', reference: number }] });
    const declaration = await assessedCementDeclaration(declarationOf({ items: [cited] }));
    const lodged = (await broker.request('GET', `/api/customs/declarations/${declaration.reference}`)).body;
    expect(lodged.documentChecks).toMatchObject([{ reference: number, status: 'confirmed', held: true }]);
    await revokePermit(server().database.db, context, 'COMMERCE', number, 'Obtenue sur fausse déclaration');
    const paid = await cashier.request('POST', '/api/payments/counter', { declarationId: declaration.id, receipt: `DESK-${randomUUID().slice(0, 8)}` }, { 'idempotency-key': key() });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    await expect.poll(async () => (await broker.request('GET', `/api/customs/declarations/${declaration.reference}`)).body.documentChecks[0].status, { timeout: 20_000 }).toBe('refused');
    expect(await stateOf(declaration.reference)).toBe('paid');

    const page = await openAsBroker(declaration.reference);
    await page.getByRole('region', { name: 'Mainlevée' }).getByText(/^Les droits sont payés, mais la mainlevée est bloquée/).waitFor();
    const row = page.getByRole('table', { name: 'Réponses des administrations émettrices' }).getByRole('row', { name: new RegExp(number) });
    await row.getByText('Refusé', { exact: true }).waitFor();
    await row.getByText(`Le document ${number} a été révoqué par KD/GOV/COMMERCE : il ne peut plus être cité.`).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'customs-duties-release-blocked');
    await page.context().close();
  });
});
