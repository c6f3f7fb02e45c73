import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fileApplication, payAtDesk, signedIn } from '../support/applications.ts';
import { ApiClient, demoEmail } from '../support/client.ts';
import { browserStory, documentLanguage, seriousAccessibilityViolations, signInInFrench } from './support.ts';

/**
 * What happens before an officer sees a file: Moussa Traoré files an import-export card
 * application with the definition's own example and its required documents, submits it, and the
 * Treasury cashier records the fee paid at the desk; the file is then under review at Commerce.
 */
async function seedPaidImportExportCard(baseUrl: string): Promise<{ id: string; reference: string }> {
  const filed = await fileApplication(await signedIn(baseUrl, 'moussa.traore'), 'import-export-card');
  const paid = await payAtDesk(baseUrl, filed.id);
  expect(paid.state).toBe('in_review');
  return { id: paid.id, reference: paid.reference };
}

async function focusedText(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.textContent);
}

describe('the back office', { timeout: 120_000 }, () => {
  const { openPage, server } = browserStory();

  it('lets a Commerce officer find a paid file in the queue, take it, note it and ask for a correction, while Customs cannot see it', async () => {
    const file = await seedPaidImportExportCard(server().url);
    const page = await openPage();
    await page.goto('/back-office');
    await signInInFrench(page, demoEmail('fatou.sow'));
    await page.getByRole('heading', { level: 1, name: 'Espace agents' }).waitFor();

    // The queue: the new file, due in five working days, on time; said in words, not colour alone.
    const queue = page.getByRole('table', { name: /File des dossiers, triée par échéance/ });
    const row = queue.getByRole('row', { name: new RegExp(file.reference) });
    await row.waitFor();
    await row.getByText('Dans les délais').waitFor();
    await row.getByText(/^Échéance : /).waitFor();
    await row.getByText('Kandara Riz Import SARL').waitFor();
    await row.getByText('Non pris en charge').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Filters live in the address bar; one that excludes the file says so.
    const filters = page.getByRole('form', { name: 'Filtrer et trier la file' });
    await filters.getByLabel('Délai').selectOption({ label: 'En retard' });
    await filters.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?deadline=overdue');
    await page.getByText('Aucun dossier ne correspond à ces critères.').waitFor();
    await filters.getByRole('button', { name: 'Réinitialiser' }).click();
    // The reset rewrites the form from the address: type only once it has happened.
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => filters.getByLabel('Délai').inputValue()).not.toBe('overdue');
    await filters.getByLabel('Recherche').fill(file.reference);
    await filters.getByLabel('Prise en charge').selectOption({ label: 'Non pris en charge' });
    await filters.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(file.reference);
    expect(new URL(page.url()).searchParams.get('assigned')).toBe('unassigned');
    await page.getByText('Dossiers 1 à 1 sur 1.').waitFor();
    expect(await queue.locator('tbody tr').count()).toBe(1);

    // The file, read against its pinned definition.
    await row.getByRole('link', { name: file.reference }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier \u2068${file.reference}\u2069` }).waitFor();
    await page.getByRole('heading', { name: 'Entreprise', level: 3 }).waitFor();
    const form = page.locator('.form-data').first();
    await form.getByText("Type de demande (première délivrance ou renouvellement)").waitFor();
    await page.getByText('Raison sociale').waitFor();
    // Choices read by their labels, the head office in the order the definition writes it.
    await form.getByText('Renouvellement', { exact: true }).waitFor();
    await page.locator('.form-data').getByText('Société à responsabilité limitée (SARL)').waitFor();
    const headOffice = page.locator('.form-data__row', { has: page.getByText('Siège social', { exact: true }) }).locator('dd dt');
    expect(await headOffice.allTextContents()).toEqual(['Adresse', 'Ville', 'Région']);
    const attachments = page.getByRole('table', { name: 'Pièces jointes du dossier' });
    await attachments.getByRole('row', { name: /Statuts de l'entreprise/ }).getByRole('link', { name: 'company_statutes.pdf' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Taking the file.
    await page.getByText('Personne ne traite ce dossier.').waitFor();
    await page.getByRole('button', { name: 'Prendre en charge' }).click();
    await page.getByText('Vous avez pris le dossier en charge.').waitFor();
    await page.getByText('Vous traitez ce dossier.').waitFor();
    await page.getByRole('button', { name: 'Libérer le dossier' }).waitFor();
    const timeline = page.locator('.timeline');
    await timeline.getByText('Dossier pris en charge').waitFor();

    // An internal note, marked as such in the history.
    await page.getByLabel('Texte').fill('RCCM vérifié auprès du greffe de Kandara.');
    await page.getByRole('button', { name: 'Ajouter la note interne' }).click();
    await page.getByText("La note interne est ajoutée à l'historique.").waitFor();
    const note = timeline.locator('li', { hasText: 'RCCM vérifié auprès du greffe de Kandara.' });
    await note.getByText('Interne : réservé aux agents').waitFor();

    // Rejecting needs a reason: the server refuses, its message shows next to the field.
    await page.getByRole('button', { name: 'Rejeter la demande' }).click();
    const rejection = page.getByRole('form', { name: 'Rejeter la demande' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('comment');
    await rejection.getByRole('button', { name: 'Confirmer : Rejeter la demande' }).click();
    const reason = rejection.getByLabel('Motif (obligatoire)');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await rejection.locator('.field__error').textContent()).toContain('Cette action demande un motif');
    await page.getByRole('alert').filter({ hasText: 'Cette action demande un motif' }).waitFor();
    // Nothing moved.
    expect(await page.locator('.case-summary').textContent()).toContain("En cours d'instruction");
    await rejection.getByRole('button', { name: 'Annuler' }).click();

    // Asking for a correction, with its reason.
    await page.getByRole('button', { name: 'Demander une correction' }).click();
    const correction = page.getByRole('form', { name: 'Demander une correction' });
    await correction.getByLabel('Motif (obligatoire)').fill("L'extrait RCCM date de plus de trois mois : joignez un extrait récent.");
    await correction.getByRole('button', { name: 'Confirmer : Demander une correction' }).click();
    await page.getByText('Action enregistrée : Demander une correction.').waitFor();
    await expect.poll(() => focusedText(page)).toBe('Traitement');
    expect(await page.locator('.case-summary').textContent()).toContain('Correction demandée');
    const move = timeline.locator('li', { hasText: "L'extrait RCCM date de plus de trois mois" });
    await move.getByText("Demander une correction : de « En cours d'instruction » à « Correction demandée »").waitFor();
    expect(await move.getByText('Interne : réservé aux agents').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Rejeter la demande' }).count()).toBe(0);

    // The applicant reads the reason, never the internal note.
    const applicant = new ApiClient(server().url);
    await applicant.login(demoEmail('moussa.traore'));
    const seen = await applicant.request('GET', `/api/applications/${file.id}`);
    const comments = (seen.body.timeline as { comment: string | null }[]).map((entry) => entry.comment);
    expect(comments).toContain("L'extrait RCCM date de plus de trois mois : joignez un extrait récent.");
    expect(comments).not.toContain('RCCM vérifié auprès du greffe de Kandara.');

    // In Arabic the file reads right to left, in Arabic words.
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: `الملف \u2068${file.reference}\u2069` }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.locator('.case-summary').textContent()).toContain('مطلوب تصحيح الملف');
    // What was just done is said again in the new language.
    await page.getByText('تم تسجيل الإجراء: طلب تصحيح الملف.').waitFor();
    await timeline.locator('li', { hasText: 'RCCM vérifié auprès du greffe de Kandara.' }).getByText('داخلي: خاص بالموظفين').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Back in the queue: waiting on the applicant now, so only under "all files".
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('link', { name: 'Retour à la file des dossiers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Espace agents' }).waitFor();
    await page.getByLabel('Recherche').fill(file.reference);
    await page.getByRole('button', { name: 'Appliquer' }).click();
    // The form is rewritten from the address once it changes: choose only after that.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(file.reference);
    await page.getByText('Aucun dossier ne correspond à ces critères.').waitFor();
    const shown = new URL(page.url()).search;
    await page.getByLabel('Afficher').selectOption({ label: 'Tous, clos compris' });
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => new URL(page.url()).search).not.toBe(shown);
    await page.getByRole('row', { name: new RegExp(file.reference) }).getByText('Correction demandée').waitFor();
    await page.context().close();

    // An officer of another agency (his account speaks Arabic): not in his queue, even among
    // all files, and no page at its address.
    const customs = await openPage();
    await customs.goto('/back-office?view=all');
    await signInInFrench(customs, demoEmail('karim.benali'));
    await customs.getByRole('heading', { level: 1, name: 'فضاء الموظفين' }).waitFor();
    expect(await documentLanguage(customs)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await customs.getByLabel('عرض').inputValue()).toBe('all');
    await customs.getByRole('status').filter({ hasText: /الملفات من|لا يوجد/ }).or(customs.locator('.empty-state')).first().waitFor();
    expect(await customs.getByText(file.reference).count()).toBe(0);
    expect(await seriousAccessibilityViolations(customs)).toEqual([]);
    await customs.goto(`/back-office/cases/${file.id}`);
    await customs.getByRole('heading', { level: 1, name: 'الصفحة غير موجودة' }).waitFor();
    expect(await customs.getByText(file.reference).count()).toBe(0);
    await customs.context().close();
  });

  it('marks a file past its deadline as overdue and escalated, in words and not only in colour', async () => {
    const file = await seedPaidImportExportCard(server().url);
    // Arranged: the step fell due long ago, and the hourly deadline watch has run.
    await server().database.db.updateTable('applications').set({ due_on: '2025-06-02' }).where('id', '=', file.id).execute();
    expect(await server().cases.escalateOverdue()).toBeGreaterThanOrEqual(1);

    const page = await openPage();
    await page.goto('/back-office?escalated=true&deadline=overdue');
    await signInInFrench(page, demoEmail('fatou.sow'));
    const row = page.getByRole('row', { name: new RegExp(file.reference) });
    await row.waitFor();
    await row.getByText('En retard').waitFor();
    await row.getByText("Signalé à l'administrateur").waitFor();
    // The chip carries an icon besides its colour and word.
    expect(await row.locator('.deadline svg[aria-hidden="true"]').count()).toBe(1);
    expect(await page.getByLabel('Délai').inputValue()).toBe('overdue');
    expect(await page.getByLabel("Seulement les dossiers signalés à l'administrateur").isChecked()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await row.getByRole('link', { name: file.reference }).click();
    await page.locator('.timeline').getByText("Retard signalé à l'administrateur").waitFor();
    expect(await page.locator('.case-summary').textContent()).toContain('En retard');
    await page.context().close();
  });
});
