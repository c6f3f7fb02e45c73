import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { browserStory, DEMO_PASSWORD, documentLanguage, seriousAccessibilityViolations, signInInFrench } from './support.ts';

describe('administration and audit screens', { timeout: 90_000 }, () => {
  const { openPage, server } = browserStory();

  it('lets the Commerce administrator take on an officer, disable them, and issue then revoke an API key', async () => {
    const page = await openPage();
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await signInInFrench(page, 'mariam.kone@demo.guichet.test');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();

    const staff = page.getByRole('table', { name: /Comptes des agents/ });
    await staff.getByRole('row', { name: /Fatou Sow/ }).waitFor();
    // The outbox is the platform administrator's business, not an agency's.
    expect(await page.getByRole('heading', { name: 'Événements non livrés' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Creating an account: the server's refusal shows next to the field it is about.
    await page.getByRole('button', { name: "Créer un compte d'agent" }).click();
    const form = page.getByRole('form', { name: "Nouveau compte d'agent" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('displayName');
    await form.getByLabel('Nom complet').fill('Ousmane Diallo');
    await form.getByLabel('Adresse e-mail').fill('fatou.sow@demo.guichet.test');
    await form.getByLabel('Mot de passe initial').fill('Bienvenue-Commerce-2026');
    // An agency administrator grants roles in their own agency only: it is the one offered.
    expect(await form.getByLabel('Administration').locator('option').allTextContents()).toEqual(['Ministère du Commerce']);
    expect(await form.getByLabel('Rôle', { exact: true }).locator('option').allTextContents()).not.toContain('Auditeur');
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    const emailField = form.getByLabel('Adresse e-mail');
    await expect.poll(() => emailField.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field__error').textContent()).toContain('fatou.sow@demo.guichet.test');
    expect(await form.getByRole('alert').textContent()).toContain('Un compte existe déjà');

    await emailField.fill('ousmane.diallo@demo.guichet.test');
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Le compte de \u2068Ousmane Diallo\u2069 est créé.', { exact: false }).waitFor();
    expect(await form.count()).toBe(0);
    const ousmane = staff.getByRole('row', { name: /Ousmane Diallo/ });
    await ousmane.getByText('Agent instructeur — \u2068Ministère du Commerce\u2069').waitFor();
    await ousmane.getByText('Actif').waitFor();

    // Disabling asks first, in a modal dialog whose focus starts on the harmless choice.
    await ousmane.getByRole('button', { name: 'Désactiver le compte de Ousmane Diallo' }).click();
    const confirmation = page.getByRole('alertdialog', { name: 'Désactiver ce compte ?' });
    await confirmation.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await confirmation.getByRole('button', { name: 'Désactiver le compte' }).click();
    await ousmane.getByText('Désactivé').waitFor();
    await confirmation.waitFor({ state: 'detached' });
    expect(await ousmane.getByRole('button').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Comptes des agents');

    // The API key appears once, with the warning, and is gone from the page once kept.
    await page.getByRole('button', { name: "Créer une clé d'API" }).click();
    const keyForm = page.getByRole('form', { name: "Nouvelle clé d'API" });
    await keyForm.getByLabel('Nom du système').fill('Registre du commerce');
    await keyForm.getByRole('button', { name: 'Créer la clé' }).click();
    await page.getByRole('heading', { name: /Clé d'API de .Registre du commerce./ }).waitFor();
    await page.getByText('elle ne sera plus jamais affichée', { exact: false }).waitFor();
    const key = (await page.locator('.key-reveal__value').textContent()) ?? '';
    expect(key).toMatch(/^gk_[A-Za-z0-9]+_[A-Za-z0-9_-]+$/);
    const prefix = key.split('_')[1] ?? '';
    const clients = page.getByRole('table', { name: /Clients d'API/ });
    const registry = clients.getByRole('row', { name: /Registre du commerce/ });
    await registry.getByText(prefix, { exact: true }).waitFor();
    await page.getByRole('button', { name: "J'ai conservé la clé" }).click();
    expect(await page.getByText(key).count()).toBe(0);
    expect(await page.content()).not.toContain(key);

    await registry.getByRole('button', { name: 'Révoquer la clé de Registre du commerce' }).click();
    const revocation = page.getByRole('alertdialog', { name: 'Révoquer cette clé ?' });
    await revocation.getByRole('button', { name: 'Révoquer la clé' }).click();
    await registry.getByText(/Révoquée le/).waitFor();
    await page.getByText('La clé de \u2068Registre du commerce\u2069 est révoquée.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('lets the auditor search the trail in Arabic and verify that the chain is intact', async () => {
    const page = await openPage();
    await page.goto('/audit');
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'تسجيل الدخول' }).waitFor();
    await page.getByLabel('البريد الإلكتروني').fill('leila.haddad@demo.guichet.test');
    await page.getByLabel('كلمة المرور').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'دخول' }).click();

    const heading = page.getByRole('heading', { level: 1, name: 'التدقيق' });
    await heading.waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const entries = page.getByRole('table', { name: 'قيود سجل التدقيق، من الأحدث إلى الأقدم' });
    // Without criteria, the most recent entries come first.
    await entries.getByRole('row').nth(1).waitFor();

    await page.getByLabel('الإجراء').fill('user.created');
    await page.getByRole('button', { name: 'بحث', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?action=user.created');
    await page.getByText(/عدد القيود المعروضة/).waitFor();
    // The search does not throw the keyboard user back to the top of the page.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('بحث');
    const actions = await entries.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['user.created']));
    // Times are written the Arabic way (day first, Arabic AM/PM marker), digits kept Western.
    const time = (await entries.locator('tbody time').first().textContent()) ?? '';
    expect(time).toMatch(/[\u0600-\u06FF]/);
    expect(time).toMatch(/\d{4}/);
    // A record leads to all of its entries; the form follows, and reading resumes at the results.
    const recordLink = entries.locator('tbody tr').first().locator('td:nth-child(5) a');
    const recordId = (await recordLink.getAttribute('title')) ?? '';
    await recordLink.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('recordId')).toBe(recordId);
    // The form follows the address on the next render.
    await expect.poll(() => page.getByLabel('معرِّف السجل').inputValue()).toBe(recordId);
    await expect.poll(() => page.getByLabel('الإجراء').inputValue()).toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('القيود');
    // The layout is mirrored: the heading sits on the right.
    const box = await heading.boundingBox();
    expect(box && box.x + box.width).toBeGreaterThan(1280 / 2);

    await page.getByRole('button', { name: 'التحقق من السلسلة' }).click();
    const verdict = page.getByText(/السلسلة سليمة/);
    await verdict.waitFor();
    expect(await verdict.evaluate((element) => element.closest('[aria-live]')?.getAttribute('aria-live'))).toBe('polite');
    await page.getByText('بصمة رأس السلسلة:').waitFor();

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the platform administrator every agency’s staff and lets them replay an undelivered event', async () => {
    // A subscriber gave up on an event: the situation the operator's screen exists for.
    await sql`
      with event as (insert into outbox_events (topic, payload) values ('application.decided', '{"applicationId": "a-1"}') returning id)
      insert into event_deliveries (event_id, subscriber, status, attempts, last_error)
      select id, 'notify-applicant', 'dead', 8, 'SMTP relay refused the message (550)' from event
    `.execute(server().database.db);

    const page = await openPage();
    await page.goto('/admin');
    await signInInFrench(page, 'admin@demo.guichet.test');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();

    const staff = page.getByRole('table', { name: /Comptes des agents/ });
    await staff.getByRole('row', { name: /Salma|سلمى/ }).waitFor();
    await page.getByLabel('Administration', { exact: true }).selectOption({ label: 'Ministère du Commerce' });
    await expect.poll(() => staff.locator('tbody tr').count()).toBeLessThan(5);
    expect(await staff.getByRole('row', { name: /سلمى/ }).count()).toBe(0);
    await staff.getByRole('row', { name: /Fatou Sow/ }).waitFor();

    const letters = page.getByRole('table', { name: /Événements non livrés/ });
    const letter = letters.getByRole('row', { name: /notify-applicant/ });
    await letter.getByText('SMTP relay refused the message (550)').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await letter.getByRole('button', { name: /Relancer l'événement non livré/ }).click();
    await page.getByText(/est remis dans la file de livraison/).waitFor();
    await page.getByText('Aucun événement en souffrance : toutes les livraisons ont abouti.').waitFor();
    await page.context().close();
  });
});
