import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerOnPhone, fileAwaitingPayment, intentOf, payByPhone } from '../payments/support.ts';
import { fileApplication, signedIn } from '../support/applications.ts';
import { demoEmail } from '../support/client.ts';
import { browserStory, screenshot, seriousAccessibilityViolations, signInInFrench, verifyUpload } from './support.ts';

const shoot = (page: Page, name: string) => screenshot(page, `payments-${name}`);

/** The first page of a PDF as a picture (150 dpi PNG, Poppler's pdftoppm), as a phone would photograph it. */
async function photographFirstPage(pdf: Buffer): Promise<Buffer> {
  const folder = await mkdtemp(path.join(tmpdir(), 'guichet-photo-'));
  try {
    await writeFile(path.join(folder, 'document.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', 'document.pdf', 'page'], { cwd: folder });
    return await readFile(path.join(folder, 'page.png'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('paying online and verifying the document issued', { timeout: 240_000 }, () => {
  const { openPage, server } = browserStory();

  it('takes a fee by simulated mobile money, issues the card, and lets anyone verify it, valid then revoked', async () => {
    // Filing through the form is the portal story's; here Moussa Traoré's card application is
    // filed as the definition's example, and waits for its fee.
    const filed = await fileApplication(await signedIn(server().url, 'moussa.traore'), 'import-export-card');
    expect(filed.state).toBe('payment_due');

    const page = await openPage();
    await page.goto(`/portal/applications/${filed.id}`);
    await signInInFrench(page, demoEmail('moussa.traore'));
    const panel = page.getByRole('region', { name: 'Payer les frais' });
    await panel.getByText('Total : 25\u202f000\u00a0XOF').waitFor();
    // Paying at the Treasury desk is explained, with the reference to quote.
    await panel.getByText(`citez la référence ${filed.reference}`, { exact: false }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '01-fee-due');

    // A number the simulated operator refuses (…0001, insufficient funds): said plainly, and retried.
    const phone = panel.getByLabel('Numéro de téléphone');
    await phone.fill('70 12 34');
    await panel.getByRole('button', { name: 'Payer 25\u202f000\u00a0XOF' }).click();
    await panel.getByText('Saisissez un numéro de 8 à 15 chiffres', { exact: false }).waitFor();
    await phone.fill('+226 70 00 00 01');
    await panel.getByRole('button', { name: 'Payer 25\u202f000\u00a0XOF' }).click();
    await panel.getByRole('alert').filter({ hasText: "Le dernier paiement n'a pas abouti : solde insuffisant." }).waitFor();
    await shoot(page, '02-payment-refused');

    // Another number: the operator prompts the phone, and the page waits for the answer.
    await phone.fill('+226 70 12 34 56');
    await panel.getByRole('button', { name: 'Réessayer : payer 25\u202f000\u00a0XOF' }).click();
    await panel.getByRole('heading', { name: 'Confirmez sur votre téléphone' }).waitFor();
    await panel.getByText(/Votre opérateur vous demande de confirmer le paiement de 25\u202f000\u00a0XOF sur le/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '03-confirm-on-phone');

    // The simulated phone, in a second tab: the payer confirms there.
    const [handset] = await Promise.all([
      page.context().waitForEvent('page'),
      panel.getByRole('link', { name: /Ouvrir le téléphone simulé/ }).click(),
    ]);
    await handset.getByText(filed.reference, { exact: false }).first().waitFor();
    await shoot(handset, '04-simulated-phone');
    await handset.getByRole('button', { name: 'Confirmer' }).click();
    await handset.getByText('Aucune demande en attente.').waitFor();
    await handset.close();

    // The operator's signed callback settles the intent; the page sees it and the file moves on.
    await page.getByText(/^Paiement reçu \(reçu n° .+\)\. Votre dossier passe à l'instruction\.$/).waitFor({ timeout: 30_000 });
    await page.locator('.portal-state').filter({ hasText: "En cours d'instruction" }).waitFor();
    expect(await page.getByRole('region', { name: 'Payer les frais' }).count()).toBe(0);
    const documents = page.getByRole('table', { name: 'Documents du dossier' });
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByRole('heading', { level: 2, name: 'Documents délivrés' }).waitFor();
        return documents.getByRole('row', { name: /Reçu de paiement/ }).count();
      }, { timeout: 20_000 })
      .toBe(1);
    await shoot(page, '05-paid-receipt');

    // The Commerce officer issues the card in the back office.
    const officer = await openPage();
    await officer.goto(`/back-office/cases/${filed.id}`);
    await signInInFrench(officer, demoEmail('fatou.sow'));
    await officer.getByRole('button', { name: 'Prendre en charge' }).click();
    await officer.getByText('Vous traitez ce dossier.').waitFor();
    await officer.getByRole('button', { name: 'Délivrer la carte' }).click();
    await officer.getByRole('button', { name: 'Confirmer : Délivrer la carte' }).click();
    await officer.getByText('Action enregistrée : Délivrer la carte.').waitFor();

    // The applicant finds the card among the file's documents, valid, and downloads the signed PDF.
    await page.reload();
    const card = documents.getByRole('row', { name: /Carte d'importateur-exportateur/ });
    await card.waitFor({ timeout: 30_000 });
    await card.getByText('Valide', { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '06-card-issued');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: /Télécharger le PDF/ }).click()]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const asPdf = { name: download.suggestedFilename(), mimeType: 'application/pdf', buffer: pdf };

    // Anyone, signed in or not, verifies it from the PDF on the public page.
    const verifier = await openPage();
    const valid = await verifyUpload(verifier, asPdf);
    await valid.getByText('Valide', { exact: true }).waitFor();
    await valid.getByText(/^Ce document est authentique : il a été signé par .+ et il est en vigueur\.$/).waitFor();
    await valid.getByText("Carte d'importateur-exportateur").waitFor();
    await valid.getByText('Kandara Riz Import SARL').first().waitFor();
    expect(await seriousAccessibilityViolations(verifier)).toEqual([]);
    await shoot(verifier, '07-verified-valid');

    // A picture of the printed card does too: its QR code is read in the browser.
    const photographed = await verifyUpload(verifier, { name: 'carte.png', mimeType: 'image/png', buffer: await photographFirstPage(pdf) });
    await photographed.getByText('Valide', { exact: true }).waitFor();

    // Commerce renews its signing key: the card, signed with the key now retired, still verifies.
    const admin = await openPage();
    await admin.goto('/admin');
    await signInInFrench(admin, demoEmail('mariam.kone'));
    const keys = admin.getByRole('region', { name: 'Clés de signature des documents' });
    await keys.getByRole('table', { name: 'Clés de signature' }).getByText('Active', { exact: true }).waitFor();
    await keys.getByRole('form', { name: 'Renouveler une clé' }).getByRole('button', { name: 'Renouveler la clé' }).click();
    await admin.getByRole('alertdialog').getByRole('button', { name: 'Renouveler la clé' }).click();
    await keys.getByText(/^La clé de signature de .+ est renouvelée\.$/).waitFor();
    await keys.getByRole('table', { name: 'Clés de signature' }).getByText('Retirée', { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(admin)).toEqual([]);
    await shoot(admin, '07b-key-renewed');
    await admin.context().close();
    const afterRotation = await verifyUpload(verifier, asPdf);
    await afterRotation.getByText('Valide', { exact: true }).waitFor();

    // The officer revokes it, with a reason the verification then shows.
    await officer.reload();
    const issued = officer.getByRole('table', { name: 'Documents du dossier' }).getByRole('row', { name: /Carte d'importateur-exportateur/ });
    await issued.getByRole('button', { name: /Révoquer/ }).click();
    const dialog = officer.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Révoquer le document' }).click();
    await dialog.getByText('Indiquez le motif (3 caractères au moins).').waitFor();
    await dialog.getByLabel('Motif de la révocation (obligatoire)').fill("Carte délivrée sur la foi d'un extrait RCCM falsifié.");
    expect(await seriousAccessibilityViolations(officer)).toEqual([]);
    await dialog.getByRole('button', { name: 'Révoquer le document' }).click();
    await officer.getByText(/est révoqué\.$/).waitFor();
    await issued.getByText('Révoqué', { exact: true }).waitFor();
    await shoot(officer, '08-revoked-back-office');

    const revoked = await verifyUpload(verifier, asPdf);
    await revoked.getByText('Révoqué', { exact: true }).waitFor();
    await revoked.getByText(/mais cette administration l'a révoqué le .+ : il n'est plus valable\.$/).waitFor();
    await revoked.getByText("Carte délivrée sur la foi d'un extrait RCCM falsifié.").waitFor();
    expect(await seriousAccessibilityViolations(verifier)).toEqual([]);
    await shoot(verifier, '09-verified-revoked');

    await verifier.context().close();
    await officer.context().close();
    await page.context().close();
  });

  it('reports a code Guichet never signed as not authentic, in Arabic, right to left, without an account', async () => {
    const page = await openPage();
    await page.goto('/');
    // Public: the footer leads there from the sign-in page.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Vérifier un document' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vérifier un document' }).waitFor();
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'التحقق من وثيقة' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    await page.getByLabel('رمز الوثيقة').fill('GK1:6BFOXN*TS0BI$ZDYSHTQ2V+4CM3');
    await page.getByRole('button', { name: 'تحقّق' }).click();
    const result = page.getByRole('region', { name: 'نتيجة التحقق' });
    await result.getByText('غير أصلية', { exact: true }).waitFor();
    await result.getByText('لم تُصدر منصة «Guichet» هذا الرمز، أو أنه عُدِّل: لا تعتمد على هذه الوثيقة.').waitFor();
    // The verdict is an icon and a word, not a colour alone; and nothing the code claims is shown.
    expect(await result.locator('.verdict svg[aria-hidden="true"]').count()).toBe(1);
    expect(await result.locator('dl').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'verify-forged-arabic');
    await page.context().close();
  });

  it("lets the Treasury accountant reconcile the operator's statement of the day, each mismatch in words", async () => {
    // A fee paid by phone today, confirmed on the simulated handset.
    const { applicant, file } = await fileAwaitingPayment(server());
    const started = await payByPhone(applicant, file.id, '22670555123');
    expect(started.status).toBe(201);
    await answerOnPhone(server(), '22670555123', 'confirm');
    await expect.poll(async () => (await intentOf(applicant, started.body.id)).state).toBe('succeeded');

    // The operator's statement of the day (UTC), with one line the platform never saw.
    const day = new Date().toISOString().slice(0, 10);
    const statement = await (await fetch(`${server().simulator.url}/v1/statements/${day}.csv`)).text();
    const lines = statement.trimEnd().split('\r\n').length - 1;
    const altered = `${statement}MPSTRAY00001,stray-${day},22670999999,5000,XOF,${new Date().toISOString()}\r\n`;

    const page = await openPage();
    await page.goto('/');
    await signInInFrench(page, demoEmail('khadija.mansour'));
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Finances' }).click();
    await page.getByRole('heading', { level: 1, name: 'Finances' }).waitFor();
    const form = page.getByRole('form', { name: 'Importer un relevé' });
    await form.getByLabel('Jour du relevé').fill(day);
    await form.getByLabel('Relevé (CSV)').setInputFiles({ name: `statement-${day}.csv`, mimeType: 'text/csv', buffer: Buffer.from(altered) });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Rapprocher' }).click();

    await page.getByRole('heading', { level: 1, name: /^Rapprochement du .+ — Mobile money$/ }).waitFor();
    await page.getByText(`Lignes au relevé : ${lines + 1} ; rapprochées : ${lines} ; écarts : 1.`).waitFor();
    const mismatch = page.getByRole('table', { name: 'Écarts entre le relevé et la plateforme' }).getByRole('row', { name: /Inconnu de la plateforme/ });
    await mismatch.getByText("Le relevé de l'opérateur porte un paiement de 5\u202f000\u00a0XOF (référence \u2066MPSTRAY00001\u2069) que la plateforme n'a pas enregistré.").waitFor();
    expect(await page.getByRole('link', { name: 'Télécharger le rapport (CSV)' }).getAttribute('href')).toMatch(/^\/api\/payments\/reconciliations\/[0-9a-f-]+\/csv$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '10-reconciliation-report');

    // Back to the section: the report is listed, and the ledger shows Commerce's fee revenue.
    await page.getByRole('link', { name: 'Retour aux rapprochements' }).click();
    await page.getByRole('table', { name: 'Relevés importés' }).getByRole('row').nth(1).waitFor();
    const ledger = page.getByRole('table', { name: 'Soldes des comptes' });
    await ledger.getByRole('row', { name: /Recette/ }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '11-finance');
    await page.context().close();
  });
});
