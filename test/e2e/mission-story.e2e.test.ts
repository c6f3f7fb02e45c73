import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCustoms } from '../../src/demo/customs-seed.ts';
import { ensureReferenceData } from '../../src/modules/customs/index.ts';
import { permitBalance } from '../../src/modules/permits/index.ts';
import { signedIn, tinyPdf } from '../support/applications.ts';
import { demoEmail } from '../support/client.ts';
import { joinMinistry } from '../support/customs-documents.ts';
import { eventually } from '../documents/support.ts';
import { browserStory, chooseTariffLine, confirmOnSimulatedPhone, fillGoods, fillHeader, screenshot, signInInFrench, verifyUpload } from './support.ts';

/**
 * The story of shared/MISSION.md, in the browser wherever a person acts: Moussa Traoré obtains an
 * import licence for 20 t of rice (Commerce) and the consignment's phytosanitary certificate
 * (Agriculture), both paid by simulated mobile money; Ousmane Diop lodges the declaration citing
 * them, confirmed by their issuers (the certificate by the ministry's own register, over the
 * exchange); the duties are paid by mobile money; the goods are released, the licence is used
 * up, and the release note verifies on the public page.
 */

const shoot = (page: Page, name: string) => screenshot(page, `mission-${name}`);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A field of a procedure's form by its path (the form library names it root_<path>): a text, or a choice by its label. */
type Answers = Record<string, string | { label: string }>;

/** Opens the service, fills its form and attachments, and sends the file; returns the file's id once it awaits its fee. */
async function applyInPortal(page: Page, procedureId: string, answers: Answers, attachments: string[], addRows: string[] = []): Promise<string> {
  await page.goto(`/portal/services/${procedureId}`);
  await page.getByRole('button', { name: 'Faire la demande' }).click();
  await page.getByRole('heading', { level: 2, name: 'Formulaire' }).waitFor();
  for (const array of addRows) await page.getByRole('group', { name: array }).getByRole('button', { name: 'Ajouter' }).click();
  for (const [path, answer] of Object.entries(answers)) {
    const field = page.locator(`#root_${path}`);
    if (typeof answer === 'string') await field.fill(answer);
    else await field.selectOption(answer);
  }
  for (const label of attachments) {
    const name = `${label.slice(0, 20)}.pdf`;
    await page.getByLabel(`Joindre : ${label}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: tinyPdf(label) });
    await page.getByRole('link', { name }).waitFor();
  }
  await page.getByRole('status').filter({ hasText: 'Brouillon enregistré' }).waitFor();
  await shoot(page, `${procedureId}-form`);
  await page.getByRole('button', { name: 'Envoyer le dossier' }).click();
  await page.locator('.portal-state').filter({ hasText: 'En attente de paiement' }).waitFor();
  return page.url().split('/').at(-1) ?? '';
}

/** The applicant pays the file's fee by mobile money and confirms on the simulated phone. */
async function payFeeByPhone(page: Page, phone: string): Promise<void> {
  const reference = (await page.locator('dd.identifier').first().textContent())?.match(/KD-\d{4}-\d{6}/)?.[0] ?? '';
  expect(reference).not.toBe('');
  const panel = page.getByRole('region', { name: 'Payer les frais' });
  await panel.getByLabel('Numéro de téléphone').fill(phone);
  await panel.getByRole('button', { name: /^Payer / }).click();
  await panel.getByRole('heading', { name: 'Confirmez sur votre téléphone' }).waitFor();
  await confirmOnSimulatedPhone(page, reference);
  await page.getByText(/^Paiement reçu \(reçu n° .+\)\. Votre dossier passe à l'instruction\.$/).waitFor({ timeout: 30_000 });
}

/** The agency's officer signs in on the file, takes it and moves it through `actions`, each confirmed. */
async function decide(officer: Page, name: string, applicationId: string, actions: string[]): Promise<void> {
  await officer.goto(`/back-office/cases/${applicationId}`);
  await signInInFrench(officer, demoEmail(name));
  await officer.getByRole('button', { name: 'Prendre en charge' }).click();
  await officer.getByText('Vous traitez ce dossier.').waitFor();
  for (const action of actions) {
    await officer.getByRole('button', { name: action, exact: true }).click();
    await officer.getByRole('button', { name: `Confirmer : ${action}` }).click();
    await officer.getByText(`Action enregistrée : ${action}.`).waitFor();
  }
  await screenshot(officer, `mission-${name}-decided`);
  await officer.context().close();
}

/** The number of the document the file shows issued (the outbox issues it moments after approval). */
async function issuedNumber(page: Page, title: string): Promise<string> {
  const row = page.getByRole('table', { name: 'Documents du dossier' }).getByRole('row', { name: new RegExp(title) });
  await expect
    .poll(async () => {
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Documents délivrés' }).waitFor();
      return row.count();
    }, { timeout: 30_000 })
    .toBe(1);
  await row.getByText('Valide', { exact: true }).waitFor();
  return ((await row.locator('.identifier').textContent()) ?? '').trim();
}

describe('the MISSION story in the browser', { timeout: 300_000 }, () => {
  // The selectivity draw is seeded, so the channel (and whether an inspection is needed) is the same each run.
  const { openPage, server } = browserStory({ CUSTOMS_RANDOM_SEED: '7' });
  let ministry: Awaited<ReturnType<typeof joinMinistry>> | undefined;

  beforeAll(async () => {
    await ensureReferenceData(server().database.db);
    await seedDemoCustoms(server().database.db);
    // The seed registered the permit registers' services: the exchange sees them on its next message.
    server().exchange.invalidateRegistry();
    // The Ministry of Agriculture's own certificate register, a separate process on the exchange.
    ministry = await joinMinistry(server());
  }, 180_000);
  afterAll(async () => {
    await ministry?.close();
  });

  it('takes 20 t of rice from the licence request to the release, and the release note verifies', async () => {
    // 1. The import licence, from the Ministry of Commerce.
    const trader = await openPage();
    await trader.goto('/portal');
    await signInInFrench(trader, demoEmail('moussa.traore'));
    await trader.getByRole('heading', { level: 1, name: 'Catalogue des démarches' }).waitFor();
    const licenceFile = await applyInPortal(
      trader,
      'import-licence',
      {
        importerName: 'Kandara Riz Import SARL',
        taxId: 'KD-2019-004512',
        importExportCardNumber: 'CIE-2025-000318',
        hsCode: '10063000',
        goodsDescription: 'Riz blanchi long grain, sacs de 50 kg',
        quantity: '20',
        unit: { label: 'Tonnes (t)' },
        fobValue: '9800',
        currency: 'USD',
        purpose: { label: "Revente en l'état" },
        originCountry: 'TH',
        supplier_name: 'Siam Rice Export Co., Ltd.',
        supplier_country: 'TH',
        portOfEntry: 'KDKAN',
        expectedArrival: inDays(20),
      },
      ['Facture pro forma du fournisseur', 'Attestation de régularité fiscale de moins de trois mois'],
    );
    await payFeeByPhone(trader, '+226 70 31 00 11');
    await shoot(trader, '01-licence-paid');
    await decide(await openPage(), 'fatou.sow', licenceFile, ['Accorder la licence']);
    await trader.goto(`/portal/applications/${licenceFile}`);
    const licence = await issuedNumber(trader, "Licence d'importation");
    // Issued, the licence enters Commerce's permit register with its whole quantity.
    const granted = await eventually(() => permitBalance(server().database.db, 'COMMERCE', licence).catch(() => null));
    expect(granted).toMatchObject({ holderTaxId: 'KD-2019-004512', hsPrefix: '10063000', unit: 'TNE', quantity: 20, drawn: 0 });
    await shoot(trader, '02-licence-issued');

    // 2. The phytosanitary certificate of the consignment, from the Ministry of Agriculture.
    const certificateFile = await applyInPortal(
      trader,
      'phytosanitary-certificate',
      {
        direction: { label: 'Importation' },
        operatorName: 'Kandara Riz Import SARL',
        taxId: 'KD-2019-004512',
        consignee_name: 'Kandara Riz Import SARL',
        consignee_address: '14, boulevard de la Corniche, zone portuaire, Kandara-Ville',
        consignee_country: 'KD',
        originCountry: 'TH',
        destinationCountry: 'KD',
        foreignCertificateNumber: 'TH-DOA-2026-0117452',
        goods_0_hsCode: '10063000',
        goods_0_botanicalName: 'Oryza sativa',
        goods_0_description: 'Riz blanchi long grain, sacs de 50 kg',
        goods_0_quantity: '20',
        goods_0_unit: { label: 'Tonnes (t)' },
        goods_0_packages: '400',
        goods_0_packaging: { label: 'Sacs' },
        meansOfConveyance: { label: 'Maritime' },
        pointOfEntryOrExit: 'KDKAN',
        inspectionPlace: 'Terminal à conteneurs du port de Kandara, magasin 3',
        availableForInspection: inDays(21),
      },
      ['Facture commerciale', 'Liste de colisage'],
      ["Produits végétaux de l'envoi"],
    );
    await payFeeByPhone(trader, '+226 70 31 00 12');
    await decide(await openPage(), 'amina.belkacem', certificateFile, ["Programmer l'inspection", 'Envoi conforme, délivrer le certificat']);
    await trader.goto(`/portal/applications/${certificateFile}`);
    const certificate = await issuedNumber(trader, 'Certificat phytosanitaire');
    await shoot(trader, '03-certificate-issued');
    await trader.context().close();

    // 3. The broker lodges the declaration citing both; each issuer confirms its document, and the declaration is routed.
    const broker = await openPage();
    await broker.goto('/declarations/new');
    await signInInFrench(broker, demoEmail('ousmane.diop'));
    await broker.getByRole('heading', { level: 1, name: 'Déposer une déclaration' }).waitFor();
    await fillHeader(broker, 'TH');
    const rice = broker.getByRole('group', { name: 'Article 1', exact: true });
    await chooseTariffLine(rice, 'riz', '10.06', '1006.30.00.00');
    await fillGoods(rice, { description: 'Riz blanchi long grain, 400 sacs de 50 kg', origin: 'TH', quantity: '20 000', gross: '20 150', net: '20 000', value: '9 200', invoice: 'INV-2026-0117' });
    for (const [row, type, number] of [[2, "Licence d'importation", licence], [3, 'Certificat phytosanitaire', certificate]] as const) {
      await rice.getByRole('button', { name: "Ajouter un document à l'article 1" }).click();
      await rice.getByLabel(`Type du document ${row}`).selectOption({ label: type });
      await rice.getByLabel(`Numéro du document ${row}`).fill(number);
    }
    await shoot(broker, '04-declaration-form');
    await broker.getByRole('button', { name: 'Déposer la déclaration' }).click();
    const heading = broker.getByRole('heading', { level: 1, name: /^Déclaration / });
    await heading.waitFor();
    const reference = /KDKAN01-\d{4}-\d{6}/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
    expect(reference).not.toBe('');
    const checks = broker.getByRole('table', { name: 'Réponses des administrations émettrices' });
    // Confirmed by each issuer's own service: Commerce's permit register, the ministry's certificate register.
    for (const [number, issuer] of [[licence, 'KD/GOV/COMMERCE'], [certificate, 'KD/GOV/AGRICULTURE/phytosanitary']] as const) {
      const row = checks.getByRole('row', { name: new RegExp(number) });
      await row.getByText('Confirmé', { exact: true }).waitFor();
      await row.getByText(issuer, { exact: true }).waitFor();
    }
    await broker.getByText(/^Circuit (vert|jaune|rouge|bleu) : .+\.$/).first().waitFor();
    await shoot(broker, '05-declaration-lodged');

    const brokerApi = await signedIn(server().url, 'ousmane.diop');
    const lodged = (await brokerApi.request('GET', `/api/customs/declarations/${reference}`)).body;
    expect(lodged.documentChecks.map((check: { reference: string; status: string }) => [check.reference, check.status])).toEqual([
      [licence, 'confirmed'],
      [certificate, 'confirmed'],
    ]);
    if (lodged.state === 'channel_assigned') {
      // Yellow or red: a customs officer records a conform inspection, and the duties are assessed.
      const officer = await openPage();
      await officer.goto(`/customs/declarations/${reference}`);
      await signInInFrench(officer, demoEmail('karim.benali'));
      // His account reads Arabic: once the declaration shows, he switches the page to French.
      await officer.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
      await officer.getByRole('button', { name: 'Français' }).click();
      const report = officer.getByRole('form', { name: 'Compte rendu de visite' });
      await report.getByLabel('Constatations').fill('Scellés intacts, 400 sacs de 50 kg de riz blanchi');
      await report.getByRole('button', { name: 'Enregistrer la visite' }).click();
      await officer.getByText('Visite enregistrée. La déclaration est maintenant : Liquidée.').waitFor();
      await shoot(officer, '06-inspected');
      await officer.context().close();
      await broker.reload();
    } else {
      expect(lodged.state).toBe('assessed');
    }

    // 4. The duties, by mobile money from the declaration page; the release follows by itself.
    const form = broker.getByRole('region', { name: 'Payer les droits et taxes' }).getByRole('form', { name: 'Payer par mobile money' });
    await form.getByLabel('Numéro de téléphone').fill('+226 70 31 00 23');
    await form.getByRole('button', { name: /^Payer / }).click();
    await broker.getByRole('heading', { name: 'Confirmez sur votre téléphone' }).waitFor();
    await confirmOnSimulatedPhone(broker, reference);
    const release = broker.getByRole('region', { name: 'Mainlevée' });
    await release.getByText(/^Mainlevée donnée le .+ : les marchandises peuvent être enlevées\.$/).waitFor({ timeout: 60_000 });
    const noteLink = release.getByRole('link', { name: /^Télécharger le bon à enlever n° .+ \(PDF\)$/ });
    await noteLink.waitFor({ timeout: 30_000 });
    await shoot(broker, '07-released');
    expect((await brokerApi.request('GET', `/api/customs/declarations/${reference}`)).body.state).toBe('released');

    // 5. The licence's remaining quantity has dropped to nothing.
    const permit = await eventually(async () => {
      const balance = await permitBalance(server().database.db, 'COMMERCE', licence);
      return balance.drawn === 20 && balance;
    });
    expect(permit).toMatchObject({ quantity: 20, drawn: 20, revoked: false });

    // 6. The release note, downloaded from the declaration, verifies on the public page.
    const [download] = await Promise.all([broker.waitForEvent('download'), noteLink.click()]);
    const pdf = await readFile(await download.path());
    const verdict = await verifyUpload(broker, { name: download.suggestedFilename(), mimeType: 'application/pdf', buffer: pdf });
    await verdict.getByText('Valide', { exact: true }).waitFor();
    await verdict.getByText(/^Ce document est authentique : il a été signé par .+ et il est en vigueur\.$/).waitFor();
    await verdict.getByText(reference, { exact: false }).first().waitFor();
    await shoot(broker, '08-release-note-verified');
    await broker.context().close();
  });
});
