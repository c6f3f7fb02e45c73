import { URI } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserStory, DEMO_PASSWORD, documentLanguage, seriousAccessibilityViolations, signInInFrench } from './support.ts';

async function accountLocale(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch('/api/session');
    const body = (await response.json()) as { user: { locale: string } };
    return body.user.locale;
  });
}

describe('the web shell', { timeout: 90_000 }, () => {
  const { openPage } = browserStory();

  it('lets a citizen sign in in Arabic, right to left, then switch to French and sign out', async () => {
    const page = await openPage();
    await page.goto('/');

    await expect.poll(() => page.url()).toMatch(/\/login$/);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });

    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'تسجيل الدخول' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.evaluate(() => localStorage.getItem('guichet.lang'))).toBe('ar');

    // A refusal comes back in the interface language, worded by the server.
    await page.getByLabel('البريد الإلكتروني').fill('awa.ndiaye@demo.guichet.test');
    await page.getByLabel('كلمة المرور').fill('not-her-password');
    await page.getByRole('button', { name: 'دخول' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[\u0600-\u06FF]/);

    await page.getByLabel('كلمة المرور').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'دخول' }).click();

    const greeting = page.getByRole('heading', { level: 1, name: /مرحبًا/ });
    await greeting.waitFor();
    expect(await greeting.textContent()).toContain('Awa Ndiaye');
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('listitem').filter({ hasText: /^مرتفق$/ }).waitFor();
    await page.getByRole('navigation', { name: 'التنقل الرئيسي' }).getByRole('link', { name: 'بوابة المرتفقين' }).waitFor();
    // The main landmark sits on the right in Arabic: the layout is mirrored, not just the text.
    const heading = await greeting.boundingBox();
    expect(heading && heading.x + heading.width).toBeGreaterThan(1280 / 2);
    // The language chosen on the sign-in page is recorded on the account.
    expect(await accountLocale(page)).toBe('ar');

    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Portail usager' }).waitFor();
    await expect.poll(() => accountLocale(page)).toBe('fr');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await expect.poll(() => page.url()).toMatch(/\/login$/);
    await page.context().close();
  });

  it('shows an officer of Commerce the back office, not the applicant portal, and refuses administration', async () => {
    const page = await openPage();
    // A deep link survives the detour through the sign-in page.
    await page.goto('/back-office');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await signInInFrench(page, 'fatou.sow@demo.guichet.test');

    await page.getByRole('heading', { level: 1, name: 'Espace agents' }).waitFor();
    await page.getByText('Ministère du Commerce').waitFor();

    const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
    await navigation.getByRole('link', { name: 'Espace agents' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Portail usager' }).count()).toBe(0);
    expect(await navigation.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Accès non autorisé' }).waitFor();
    await page.goto('/portal');
    await page.getByRole('heading', { level: 1, name: 'Accès non autorisé' }).waitFor();
    await page.context().close();
  });

  it('folds the navigation behind a Menu button on a phone', async () => {
    const page = await openPage({ width: 375, height: 740 });
    await page.goto('/login');
    await signInInFrench(page, 'leila.haddad@demo.guichet.test');

    // Leila's account is in English: without a choice made in this browser, the account's language applies.
    await page.getByRole('heading', { level: 1, name: /Hello/ }).waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    const auditLink = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await auditLink.isVisible()).toBe(false);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await auditLink.click();
    await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
    expect(await auditLink.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('lets an officer enrol a second factor, then asks for the one-time code at the next sign-in', async () => {
    const page = await openPage();
    await page.goto('/login');
    await signInInFrench(page, 'amina.belkacem@demo.guichet.test');
    await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();

    await page.getByRole('link', { name: "L'activer maintenant" }).click();
    await page.getByRole('heading', { level: 1, name: 'Sécurité du compte' }).waitFor();
    await page.getByRole('button', { name: "Configurer l'authentification à deux facteurs" }).click();
    const authenticator = URI.parse((await page.locator('.secret__url').textContent()) ?? '');
    await page.getByLabel('Code de vérification').fill(authenticator.generate());
    await page.getByRole('button', { name: 'Activer' }).click();
    await page.getByText("L'authentification à deux facteurs est activée.").waitFor();
    expect(await page.getByRole('link', { name: "L'activer maintenant" }).count()).toBe(0);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signInInFrench(page, 'amina.belkacem@demo.guichet.test');
    const codeField = page.getByLabel('Code à usage unique');
    await codeField.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('login-totp');

    await codeField.fill('000000');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').waitFor();
    // The enrolment code's time step is spent (replay protection): use the next one, within the drift window.
    await codeField.fill(authenticator.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
    // Signing out is not a detour: the next person starts from the home page, not from Amina's last page.
    expect(new URL(page.url()).pathname).toBe('/');
    await page.context().close();
  });
});
