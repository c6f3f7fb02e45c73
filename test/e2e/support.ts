import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
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
export function browserStory(): BrowserStory {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const policyViolations: string[] = [];

  beforeAll(async () => {
    // The same build the server's `start` command runs; a no-op when web/dist is current.
    execFileSync(process.execPath, ['src/cli.ts', 'build-web', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
    app = await startTestApp();
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
