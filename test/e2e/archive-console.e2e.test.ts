import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/platform/audit/record.ts';
import { jsonFile, type PackageSource } from '../../src/modules/archive/package.ts';
import { approvedFile, eventually } from '../documents/support.ts';
import { signedIn } from '../support/applications.ts';
import { demoEmail } from '../support/client.ts';
import { archiveOf, packageOf } from '../archive/storage-support.ts';
import { browserStory, DEMO_PASSWORD, documentLanguage, screenshot, seriousAccessibilityViolations, signInInFrench } from './support.ts';

const shoot = (page: Page, name: string) => screenshot(page, `archive-${name}`);

/** A customs register as the scanned-records ingest would describe it, under the same title in the three languages. */
function register(title: { fr: string; ar: string; en: string }): PackageSource {
  return {
    sourceType: 'application',
    sourceId: randomUUID(),
    reference: `E2E-${randomUUID().slice(0, 8).toUpperCase()}`,
    agencyCode: 'CUSTOMS',
    retentionClass: 'customs-declarations-10y',
    description: { title, creator: { fr: 'Douanes', ar: 'الجمارك', en: 'Customs' }, subject: 'register', date: '1998-05-04', type: 'Collection', language: ['fr', 'ar'] },
    files: [jsonFile('data/form.json', 'form', { title: title.fr })],
  };
}

/** Issue 8 item 8: the archivists' console and the public reading room, on packages the platform really archived. */
describe('the archive in the browser', { timeout: 180_000 }, () => {
  const { openPage, server } = browserStory();
  let licence: { identifier: string };
  let open: string;
  let restricted: string;

  beforeAll(async () => {
    const platform = server();
    // A closed file archived from the outbox: Moussa Traoré's import licence, approved by the Ministry of Commerce.
    const moussa = await signedIn(platform.url, 'moussa.traore');
    const file = await approvedFile(platform.url, moussa, 'import-licence');
    licence = await packageOf(await signedIn(platform.url, 'salma.elidrissi'), file.reference);
    // Eleven years on: past its ten-year schedule, so it may be proposed for destruction.
    await platform.database.db.updateTable('archive_packages').set({ stored_at: new Date(Date.now() - 11 * 365.25 * 86_400_000) }).where('identifier', '=', licence.identifier).execute();

    // Two registers of Customs; its archivist (Karim, for this story) opens one to the public.
    const archive = archiveOf(platform);
    open = (await archive.ingest(register({ fr: 'Registre des entrepôts publics', ar: 'سجل المستودعات العمومية', en: 'Public warehouses register' }))).identifier;
    restricted = (await archive.ingest(register({ fr: 'Registre des entrepôts sous douane', ar: 'سجل المستودعات الجمركية المقيدة', en: 'Bonded warehouses register' }))).identifier;
    const db = platform.database.db;
    const [customs, karim] = await Promise.all([
      db.selectFrom('agencies').select('id').where('code', '=', 'CUSTOMS').executeTakeFirstOrThrow(),
      db.selectFrom('users').select('id').where('email', '=', demoEmail('karim.benali')).executeTakeFirstOrThrow(),
    ]);
    await db.insertInto('role_grants').values({ user_id: karim.id, role: 'archivist', agency_id: customs.id }).execute();
    const customsArchivist = await signedIn(platform.url, 'karim.benali');
    const opened = await customsArchivist.request('PUT', `/api/archive/packages/${open}/access-level`, { level: 'public', reason: 'Décision du comité des archives' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);

    // The daily fixity job ran once at start, on an empty archive: back to a platform never audited.
    await eventually(async () => (await db.selectFrom('archive_fixity_runs').select('id').executeTakeFirst()) ?? null);
    await db.deleteFrom('archive_fixity_runs').execute();
  }, 120_000);

  it('lets the archivist find a package by a French word, read its files and events, hold it against disposition, lift the hold, and read the fixity report', async () => {
    const page = await openPage();
    await page.goto('/archive');
    await signInInFrench(page, demoEmail('salma.elidrissi'));
    // Salma El Idrissi's account speaks Arabic; she works in French today.
    await page.getByRole('heading', { level: 1, name: 'الأرشيف' }).waitFor();
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Archives' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Pages de la console des archives' });
    expect(await tabs.getByRole('link').allTextContents()).toEqual(['Paquets', 'Gels juridiques', 'Élimination', 'Demandes de consultation', 'Intégrité', 'Versement']);

    // Before any audit the fixity page says so plainly; after one it shows the report.
    await tabs.getByRole('link', { name: 'Intégrité' }).click();
    await page.getByText("Aucun contrôle d'intégrité n'a encore été effectué.").waitFor();
    await archiveOf(server()).auditFixity({ context: systemContext('test: fixity audit') });
    await page.reload();
    const counters = page.locator('.archive-counters');
    await counters.getByText('Contenus contrôlés').waitFor();
    expect(Number(await counters.locator('div', { hasText: 'Intacts' }).locator('dd').textContent())).toBeGreaterThan(0);
    await page.getByText('Aucun problème : tous les fichiers ont une copie intacte.').waitFor();
    await shoot(page, '01-fixity');

    // The package, found by a French word of its description.
    await tabs.getByRole('link', { name: 'Paquets' }).click();
    await page.getByRole('searchbox', { name: 'Mots recherchés' }).fill('importation');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByText('Documents trouvés : 1.').waitFor();
    const facets = page.getByRole('navigation', { name: 'Affiner la recherche' });
    await facets.getByRole('link', { name: /Ministère du Commerce \(1\)/ }).waitFor();
    const hit = page.getByRole('link', { name: "Licence d'importation" });
    await page.locator('.archive-snippet mark', { hasText: /importation/i }).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '02-search');
    await hit.click();

    await page.getByRole('heading', { level: 2, name: "Licence d'importation" }).waitFor();
    const files = page.getByRole('table', { name: /Fichiers du paquet/ });
    const form = files.getByRole('row', { name: /data\/form\.json/ });
    await form.getByText('Formulaire').waitFor();
    expect(await form.getByText('principale : présente').count()).toBe(1);
    expect(await form.getByText('réplique : présente').count()).toBe(1);
    expect(await form.locator('.archive-digest').textContent()).toMatch(/^[0-9a-f]{64}$/);
    const events = page.getByRole('table', { name: /Événements/ });
    await events.getByRole('row', { name: /ingestion/ }).waitFor();
    await page.getByText('Seul un archiviste de l\'administration productrice (Ministère du Commerce) modifie le niveau d\'accès de ce paquet.').waitFor();

    // A legal hold, placed from the package's page.
    await page.getByLabel('Motif du gel').fill('Contentieux commercial n° 2026-114');
    await page.getByRole('button', { name: 'Poser le gel' }).click();
    await page.getByText(`Le gel juridique est posé sur \u2068${licence.identifier}\u2069.`).waitFor();
    await page.getByRole('table', { name: 'Gels juridiques du paquet' }).getByText('Gel en vigueur').waitFor();
    await events.getByRole('row', { name: /legal hold placed: Contentieux commercial/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '03-package-held');

    // Proposing it for destruction is refused while it is held, with the server's reason.
    await tabs.getByRole('link', { name: 'Élimination' }).click();
    const due = page.getByRole('table', { name: /Paquets à échéance/ });
    const row = due.getByRole('row', { name: new RegExp(licence.identifier) });
    await row.getByText('Gel en vigueur').waitFor();
    await row.getByRole('checkbox', { name: `Choisir ${licence.identifier}` }).check();
    await page.getByLabel('Motif de la proposition').fill('Durée de conservation échue');
    await page.getByRole('button', { name: "Proposer à l'élimination" }).click();
    await page.getByRole('alert').getByText(`Le paquet ${licence.identifier} est sous gel juridique (Contentieux commercial n° 2026-114)`, { exact: false }).waitFor();
    await shoot(page, '04-proposal-refused');

    // Lifted from the list of holds; the proposal then goes to the authority.
    await tabs.getByRole('link', { name: 'Gels juridiques' }).click();
    const holds = page.getByRole('table', { name: /Gels en vigueur/ });
    await holds.getByRole('row', { name: new RegExp(licence.identifier) }).getByText('Contentieux commercial n° 2026-114').waitFor();
    await page.getByRole('button', { name: `Lever le gel de ${licence.identifier}` }).click();
    await page.getByLabel('Motif de la levée').fill('Affaire close');
    await page.getByRole('form', { name: /Lever le gel de/ }).getByRole('button', { name: 'Lever le gel' }).click();
    await page.getByText(`Le gel juridique de \u2068${licence.identifier}\u2069 est levé.`).waitFor();
    await page.getByText('Aucun gel juridique en vigueur.').waitFor();

    await tabs.getByRole('link', { name: 'Élimination' }).click();
    await due.getByRole('row', { name: new RegExp(licence.identifier) }).getByRole('checkbox').check();
    await page.getByLabel('Motif de la proposition').fill('Durée de conservation échue');
    await page.getByRole('button', { name: "Proposer à l'élimination" }).click();
    await page.getByText("Proposition transmise à l'autorité : 1 paquet(s).").waitFor();
    await due.getByRole('row', { name: new RegExp(licence.identifier) }).getByText('Déjà proposé').waitFor();
  });

  it("lets the Ministry of Commerce's administrator approve the destruction and download the certificate", async () => {
    const page = await openPage();
    await page.goto('/archive');
    await signInInFrench(page, demoEmail('mariam.kone'));
    await page.getByRole('heading', { level: 1, name: 'Archives' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Pages de la console des archives' });
    expect(await tabs.getByRole('link').allTextContents()).toEqual(['Élimination']);
    const proposal = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /1 paquet\(s\)/ }) });
    await proposal.getByText(licence.identifier).waitFor();
    await proposal.getByLabel('Motif de votre décision').fill('Conforme au plan de classement');
    await proposal.getByRole('button', { name: "Approuver l'élimination" }).click();
    await page.getByRole('alertdialog', { name: 'Détruire 1 paquet(s) ?' }).getByRole('button', { name: 'Détruire les paquets' }).click();
    await page.getByText(/^Élimination approuvée : 1 paquet\(s\) détruit\(s\), certificat ARCHIVES-/).waitFor();
    await page.getByText('Aucune proposition en attente de décision.').waitFor();
    const approved = page.getByRole('table', { name: 'Propositions approuvées et leurs certificats' });
    const [download] = await Promise.all([page.waitForEvent('download'), approved.getByRole('link', { name: 'Télécharger le PDF signé' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ARCHIVES-.+\.pdf$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '05-destruction-approved');
  });

  it('finds a public record from the public search page in Arabic, and never shows a restricted one', async () => {
    const page = await openPage({ width: 390, height: 844 });
    await page.goto('/archive/search');
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'البحث في الأرشيف' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });

    await page.getByRole('searchbox', { name: 'الكلمات المطلوبة' }).fill('المستودعات');
    await page.getByLabel('لغة النصوص').selectOption('ar');
    await page.getByRole('button', { name: 'بحث', exact: true }).click();
    await page.getByText('الوثائق التي عُثر عليها: 1.').waitFor();
    const hits = page.locator('.archive-hits');
    // A package's title is its French description's, with its reference; the passage is the Arabic text that matched.
    const openHit = hits.getByRole('link', { name: /^Registre des entrepôts publics/ });
    await openHit.waitFor();
    await hits.locator('.archive-snippet[lang="ar"] mark', { hasText: 'المستودعات' }).waitFor();
    expect(await page.getByText(/Registre des entrepôts sous douane/).count()).toBe(0);
    expect(await page.getByText('سجل المستودعات الجمركية المقيدة').count()).toBe(0);
    expect(await page.getByText(restricted).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '06-public-search-ar');

    await openHit.click();
    await page.getByRole('heading', { level: 1, name: /^Registre des entrepôts publics/ }).waitFor();
    await page.getByRole('table', { name: /ملفات الحزمة/ }).getByRole('link', { name: 'تنزيل data/form.json' }).waitFor();
    expect(page.url()).toContain(`/archive/records/${open}`);

    // The restricted register's address answers like an unknown one; a visitor is asked to sign in to request it.
    await page.goto(`/archive/records/${restricted}`);
    await page.getByRole('heading', { level: 1, name: 'الوثيقة غير متاحة' }).waitFor();
    expect(await page.getByText(/Registre des entrepôts sous douane/).count()).toBe(0);
    await page.getByRole('link', { name: 'سجّل الدخول لتقديم طلب' }).click();
    await page.getByLabel('البريد الإلكتروني').fill(demoEmail('awa.ndiaye'));
    await page.getByLabel('كلمة المرور').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('heading', { level: 1, name: 'الوثيقة غير متاحة' }).waitFor();
    await page.getByLabel('لماذا ترغب في الاطلاع عليها؟').fill('بحث جامعي حول تاريخ الموانئ');
    await page.getByRole('button', { name: 'إرسال الطلب' }).click();
    const mine = page.getByRole('table', { name: 'طلباتك وحالتها' });
    await mine.getByRole('row', { name: new RegExp(restricted) }).getByText('قيد الانتظار').waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '07-access-request-ar');
  });

  it("lets the Customs archivist grant the reader's request from the console, in Arabic, and the reader then opens the record", async () => {
    const page = await openPage();
    await page.goto('/archive/access-requests');
    await signInInFrench(page, demoEmail('karim.benali'));
    // Karim Benali's account speaks Arabic: the console reads right to left.
    await page.getByRole('heading', { level: 1, name: 'الأرشيف' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const pending = page.getByRole('table', { name: 'الطلبات قيد الانتظار: 1' });
    await pending.getByRole('row', { name: new RegExp(restricted) }).getByText('بحث جامعي حول تاريخ الموانئ').waitFor();
    await page.getByRole('button', { name: `البتّ في طلب Awa Ndiaye بشأن ${restricted}` }).click();
    await page.getByLabel('سبب القرار').fill('للاطلاع في إطار البحث الجامعي فقط');
    await page.getByRole('button', { name: 'منح', exact: true }).click();
    await page.getByText('مُنح \u2068Awa Ndiaye\u2069 حق الاطلاع لمدة 30 يوم.').waitFor();
    await page.getByText('لا يوجد أي طلب قيد الانتظار.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '08-request-granted-ar');

    const reader = await openPage();
    await reader.goto(`/archive/records/${restricted}`);
    await reader.getByRole('link', { name: 'Se connecter pour faire une demande' }).click();
    await signInInFrench(reader, demoEmail('awa.ndiaye'));
    // Awa Ndiaye chose Arabic in the previous story, and her account remembers it.
    await reader.getByRole('heading', { level: 1, name: /^Registre des entrepôts sous douane/ }).waitFor();
    await reader.getByRole('table', { name: /ملفات الحزمة/ }).getByRole('link', { name: 'تنزيل data/form.json' }).waitFor();
  });
});
