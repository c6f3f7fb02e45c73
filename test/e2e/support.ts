import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEMO_PASSWORD = 'Guichet-Demo-2026';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * WCAG 2.2 A/AA rules; a serious or critical finding fails the story. axe is evaluated through
 * the DevTools protocol rather than an inline <script>, which the server's Content-Security-Policy
 * (script-src 'self') rightly refuses, and which the test keeps on.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
}

export async function documentLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/** Fills and sends the sign-in form, in French (the default language). */
export async function signInInFrench(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Kept by CI as artefacts (README, "Browser tests"): a picture of a step of a story. */
const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/**
 * The payer's side of a mobile-money payment: the page's link opens the demo's simulated phone in
 * a second tab, where the request naming `reference` is confirmed.
 */
export async function confirmOnSimulatedPhone(page: Page, reference: string): Promise<void> {
  const [handset] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: /Ouvrir le téléphone simulé/ }).click()]);
  await handset.getByText(reference, { exact: false }).first().waitFor();
  await handset.getByRole('button', { name: 'Confirmer' }).click();
  await handset.getByText('Aucune demande en attente.').waitFor();
  await handset.close();
}

/** The public verification page's answer to an uploaded file, once it is shown. */
export async function verifyUpload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<Locator> {
  await page.goto('/verify');
  await page.getByRole('heading', { level: 1, name: 'Vérifier un document' }).waitFor();
  await page.getByLabel('Fichier à vérifier').setInputFiles(file);
  const result = page.getByRole('region', { name: 'Résultat de la vérification' });
  await result.waitFor();
  return result;
}

let lrnCounter = 0;
const newLrn = () => `E2E-${process.pid}-${Date.now().toString(36)}-${(lrnCounter += 1)}`;

/** In the broker's form: searches the tariff in words, opens the heading found, and chooses its national line. */
export async function chooseTariffLine(item: Locator, words: string, heading: string, line: string): Promise<void> {
  await item.getByRole('searchbox', { name: /Chercher la ligne tarifaire/ }).fill(words);
  await item.getByRole('button', { name: `Voir les lignes sous ${heading}` }).click();
  await item.getByRole('button', { name: `Choisir la ligne ${line}` }).click();
  expect(await item.getByLabel('Code SH (ligne nationale)').inputValue()).toBe(line);
}

/** In the broker's form: the header and the importer (Kandara Riz Import SARL) every declaration of the stories shares. */
export async function fillHeader(page: Page, dispatchCountry: string): Promise<void> {
  await page.getByLabel('Référence du déclarant').fill(newLrn());
  await page.getByLabel('Bureau de douane').selectOption('KDKAN01');
  await page.getByLabel('Devise de la facture').selectOption('USD');
  await page.getByLabel("Pays d'expédition").selectOption(dispatchCountry);
  const importer = page.getByRole('group', { name: 'Importateur' });
  await importer.getByLabel('Identifiant fiscal').fill('KD-2019-004512');
  await importer.getByLabel('Raison sociale').fill('Kandara Riz Import SARL');
  await importer.getByLabel('Pays').selectOption('KD');
}

/** In the broker's form: an item's goods, figures and commercial invoice (its first cited document). */
export async function fillGoods(item: Locator, goods: { description: string; origin: string; quantity: string; gross: string; net: string; value: string; invoice: string }): Promise<void> {
  await item.getByLabel('Désignation des marchandises').fill(goods.description);
  await item.getByLabel('Origine', { exact: true }).selectOption(goods.origin);
  await item.getByLabel('Quantité', { exact: true }).fill(goods.quantity);
  await item.getByLabel('Masse brute (kg)').fill(goods.gross);
  await item.getByLabel('Masse nette (kg)').fill(goods.net);
  await item.getByLabel('Valeur en douane (USD)').fill(goods.value);
  await item.getByLabel('Numéro du document 1').fill(goods.invoice);
}

export interface BrowserStory {
  /** A fresh browser context (no cookies, no stored language) on the test server. */
  openPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** The running platform, for a story that must arrange what no screen can (a failed delivery). */
  server(): TestApp;
}

/**
 * Registers, in the calling `describe`, the real platform on a real port (fresh database, demo
 * country) and a headless Chromium; every test fails if the page broke the Content-Security-Policy.
 */
export function browserStory(env: Record<string, string> = {}): BrowserStory {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const policyViolations: string[] = [];

  beforeAll(async () => {
    // The same build the server's `start` command runs; a no-op when web/dist is current.
    execFileSync(process.execPath, ['src/cli.ts', 'build-web', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
    app = await startTestApp(env);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(() => {
    expect(policyViolations.splice(0)).toEqual([]);
  });

  return {
    async openPage(viewport = { width: 1280, height: 900 }) {
      if (!browser || !app) throw new Error('browserStory: the browser or the server did not start');
      const context = await browser.newContext({ viewport, baseURL: app.url });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
      });
      return page;
    },
    server() {
      if (!app) throw new Error('browserStory: the server did not start');
      return app;
    },
  };
}
