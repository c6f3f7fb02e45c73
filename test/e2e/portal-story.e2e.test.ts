import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tinyPdf, tinyPng } from '../support/applications.ts';
import { ApiClient, demoEmail } from '../support/client.ts';
import { browserStory, documentLanguage, screenshot, seriousAccessibilityViolations, signInInFrench } from './support.ts';

const shoot = (page: Page, name: string) => screenshot(page, `portal-${name}`);

/** A form field by its whole label (a required one ends with a star). */
function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

describe('the applicant portal', { timeout: 180_000 }, () => {
  const { openPage, server } = browserStory();

  it('files an import-export card in French, corrects it in Arabic when asked, and sees the card issued', async () => {
    const page = await openPage();
    await page.goto('/portal');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await signInInFrench(page, demoEmail('moussa.traore'));

    // The catalogue searches in any of the three languages: an Arabic word finds the card.
    await page.getByRole('heading', { level: 1, name: 'Catalogue des démarches' }).waitFor();
    await page.getByLabel('Mots-clés').fill('مستورد');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const card = page.getByRole('link', { name: "Carte d'importateur-exportateur" });
    // The whole catalogue (nine services) may show first; the search narrows it once its answer arrives.
    const status = page.getByRole('status').filter({ hasText: 'Démarches trouvées' });
    await expect.poll(async () => ((await status.count()) ? status.textContent() : '')).toMatch(/^Démarches trouvées : [1-8]$/);
    await card.waitFor();
    expect(await status.textContent()).toBe(`Démarches trouvées : ${await page.locator('.tiles > li').count()}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '01-catalogue');

    // The service page: who may apply, the documents, the fee, the delay.
    await card.click();
    await page.getByRole('heading', { level: 1, name: "Carte d'importateur-exportateur" }).waitFor();
    await page.getByText('Statuts de l\'entreprise — obligatoire — Formats acceptés : PDF ; 10 Mo au plus.').waitFor();
    await page.getByText('Droit de délivrance de la carte : 25\u202f000\u00a0XOF').waitFor();
    expect(await page.locator('.portal-facts').textContent()).toContain('Délai prévu (jours ouvrés)5');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '02-service');
    await page.getByRole('button', { name: 'Faire la demande' }).click();

    // The form, drawn from the definition's schema, with its French labels, saved as it is typed.
    await page.getByRole('heading', { level: 2, name: 'Formulaire' }).waitFor();
    const fileUrl = page.url();
    const applicationId = fileUrl.split('/').at(-1) ?? '';
    await page.getByRole('group', { name: 'Entreprise', exact: true }).waitFor();
    await page.getByLabel('Type de demande').selectOption({ label: 'Première demande' });
    await page.getByLabel('Raison sociale').fill('Kandara Riz Import SARL');
    await page.getByLabel('Forme juridique').selectOption({ label: 'Société à responsabilité limitée (SARL)' });
    await page.getByLabel("Numéro d'identification fiscale (NIF)").fill('KD-2019-004512');
    await page.getByLabel('Numéro au registre du commerce').fill('KD-KAN-2019-B-04512');
    await page.getByLabel('Capital social').fill('10000000');
    // The head office's fields come in the order the definition writes them, not the database's.
    const headOffice = await page.locator('input[id^="root_headOffice_"]').evaluateAll((inputs) => inputs.map((input) => input.id));
    expect(headOffice).toEqual(['root_headOffice_street', 'root_headOffice_city', 'root_headOffice_region']);
    await field(page, 'Adresse').fill('14, boulevard de la Corniche');
    await page.getByLabel('Ville').fill('Kandara-Ville');
    await page.getByLabel('Région').fill('Littoral');
    await page.getByLabel('Téléphone').fill('21 30 45 67');
    await page.getByLabel('Adresse électronique').fill('contact@kandarariz.kd');
    await field(page, 'Nom').fill('Traoré');
    await page.getByLabel('Prénoms').fill('Moussa');
    // A national number one digit short: the officer will ask for it to be corrected.
    await page.getByLabel("Numéro d'identification nationale").fill('119850312045');
    await page.getByLabel('Fonction').selectOption({ label: 'Gérant' });
    await page.getByLabel("Nature de l'activité").selectOption({ label: 'Importation' });
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await page.locator('#root_hsChapters_0').fill('10');
    await page.getByRole('status').filter({ hasText: 'Brouillon enregistré' }).waitFor();

    // The browser sends nothing without its required documents, and refuses a wrong type at once.
    await page.getByRole('button', { name: 'Envoyer le dossier' }).click();
    await page.getByRole('alert').filter({ hasText: "Le dossier n'est pas complet" }).waitFor();
    expect(await page.getByText('Cette pièce est obligatoire', { exact: false }).count()).toBe(4);
    // The national number breaks the schema's pattern: the browser says so next to the field.
    expect(await page.getByLabel("Numéro d'identification nationale").getAttribute('aria-describedby')).toBeTruthy();
    await page.getByText("La valeur n'a pas la forme attendue", { exact: false }).waitFor();
    await page.getByLabel("Joindre : Statuts de l'entreprise").setInputFiles({ name: 'statuts.png', mimeType: 'image/png', buffer: tinyPng() });
    await page.getByText("Ce type de fichier n'est pas accepté pour cette pièce.").waitFor();
    await shoot(page, '03-form-refused');

    await page.getByLabel("Numéro d'identification nationale").fill('1198503120457');
    for (const [label, name] of [
      ["Statuts de l'entreprise", 'statuts.pdf'],
      ['Extrait du RCCM de moins de trois mois', 'rccm.pdf'],
      ["Attestation d'immatriculation fiscale", 'nif.pdf'],
      ["Copie de la carte d'identité du dirigeant", 'cni-dirigeant.pdf'],
    ] as const) {
      await page.getByLabel(`Joindre : ${label}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: tinyPdf(name) });
      await page.getByRole('link', { name }).waitFor();
    }
    await page.getByRole('status').filter({ hasText: 'Brouillon enregistré' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '04-form-filled');

    await page.getByRole('button', { name: 'Envoyer le dossier' }).click();
    await page.locator('.portal-state').filter({ hasText: 'En attente de paiement' }).waitFor();
    await page.getByText('Total : 25\u202f000\u00a0XOF').waitFor();
    await shoot(page, '05-submitted');

    // The fee is paid at the Treasury counter: the cashier finds the file by its reference and records the receipt.
    const reference = (await page.locator('dd.identifier').first().textContent())?.match(/KD-\d{4}-\d{6}/)?.[0] ?? '';
    expect(reference).not.toBe('');
    const cashier = await openPage();
    await cashier.goto('/back-office');
    await signInInFrench(cashier, demoEmail('ibrahima.fall'));
    await cashier.getByLabel('Référence du dossier').fill(reference);
    await cashier.getByRole('button', { name: 'Chercher' }).click();
    const due = cashier.getByRole('table', { name: 'Dossiers en attente de paiement' }).getByRole('row', { name: new RegExp(reference) });
    await due.getByText('25\u202f000\u00a0XOF').waitFor();
    await due.getByLabel(`Numéro de quittance pour ${reference}`).fill('TRE-2026-000412');
    await due.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await cashier.getByText(`Paiement enregistré pour ${reference} (quittance TRE-2026-000412).`).waitFor();
    expect(await seriousAccessibilityViolations(cashier)).toEqual([]);
    await shoot(cashier, '05b-cashier-payment');
    const paid = new ApiClient(server().url);
    expect((await paid.login(demoEmail('moussa.traore'))).status).toBe(200);
    expect((await paid.request('GET', `/api/applications/${applicationId}`)).body.state).toBe('in_review');

    // The Commerce officer asks for the national number to be corrected, in the back office.
    const officer = await openPage();
    await officer.goto(`/back-office/cases/${applicationId}`);
    await officer.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await signInInFrench(officer, demoEmail('fatou.sow'));
    await officer.getByRole('button', { name: 'Prendre en charge' }).click();
    await officer.getByRole('button', { name: 'Demander une correction' }).click();
    await officer.getByLabel('Motif (obligatoire)').fill("Le numéro d'identification nationale du dirigeant ne correspond pas à sa carte : vérifiez-le.");
    await officer.getByRole('button', { name: 'Confirmer : Demander une correction' }).click();
    await officer.getByText('Action enregistrée : Demander une correction.').waitFor();
    await shoot(officer, '06-officer-correction');

    // The applicant reads the request in Arabic, corrects the form and sends it back.
    await page.reload();
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('heading', { level: 2, name: 'تطلب منك الإدارة تصحيح الملف' }).waitFor();
    await page.getByText("Le numéro d'identification nationale du dirigeant ne correspond pas", { exact: false }).first().waitFor();
    expect(await page.locator('.portal-state').textContent()).toBe('مطلوب تصحيح الملف');
    await page.getByRole('group', { name: 'المؤسسة', exact: true }).waitFor();
    const nationalId = page.getByLabel('رقم التعريف الوطني (13 رقمًا)');
    expect(await nationalId.inputValue()).toBe('1198503120457');
    await nationalId.fill('1198503120458');
    await page.getByRole('status').filter({ hasText: 'تم حفظ المسودة' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '07-correction-arabic');
    await page.getByRole('button', { name: 'إعادة إرسال الملف بعد تصحيحه' }).click();
    await page.locator('.portal-state').filter({ hasText: 'قيد الدراسة' }).waitFor();

    // The officer issues the card; the applicant sees it issued, in Arabic, in the file and the list.
    await officer.reload();
    await officer.getByRole('button', { name: 'Délivrer la carte' }).click();
    await officer.getByRole('button', { name: 'Confirmer : Délivrer la carte' }).click();
    await officer.getByText('Action enregistrée : Délivrer la carte.').waitFor();

    await page.reload();
    await page.locator('.portal-state').filter({ hasText: 'تم إصدار البطاقة' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'سجل الملف' }).count()).toBe(1);
    await page.getByText('إعادة إرسال الملف بعد تصحيحه').first().waitFor();
    await shoot(page, '08-approved-arabic');
    await page.getByRole('link', { name: 'ملفاتي' }).click();
    const row = page.getByRole('row', { name: /بطاقة المستورد والمصدّر/ });
    await row.getByText('تم إصدار البطاقة').waitFor();
    await row.getByText('مؤسسة').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '09-my-files-arabic');

    // The stored file says the same as the page.
    const applicant = new ApiClient(server().url);
    await applicant.login(demoEmail('moussa.traore'));
    const stored = await applicant.request('GET', `/api/applications/${applicationId}`);
    expect(stored.body.state).toBe('approved');
    expect((stored.body.data as { manager: { nationalId: string } }).manager.nationalId).toBe('1198503120458');
    await officer.context().close();
    await page.context().close();
  });
});
