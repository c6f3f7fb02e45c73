import { generateKeyPairSync } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logMessages, outboxMessage } from '../support/exchange-traffic.ts';
import { browserStory, documentLanguage, screenshot, seriousAccessibilityViolations, signInInFrench } from './support.ts';

const shoot = (page: Page, name: string) => screenshot(page, `exchange-${name}`);

const PORT = 'KD/EXT/PORT-COMMUNITY';
const SERVICE = 'KD/GOV/CUSTOMS/manifest-status/v1';

describe('the exchange console', { timeout: 120_000 }, () => {
  const { openPage, server } = browserStory();

  it('lets the platform administrator register a system with its key, publish a service, grant it, watch the traffic and replay a dead message', async () => {
    // What no screen can arrange: a peer whose signatures fail, and a message its provider never took.
    const db = server().database.db;
    await logMessages(db, [
      { direction: 'in', kind: 'request', peer: `${PORT}/gateway`, service: SERVICE, status: 'accepted' },
      { direction: 'out', kind: 'response', peer: `${PORT}/gateway`, service: SERVICE, status: '200' },
      { direction: 'in', kind: 'request', peer: PORT, service: SERVICE, status: 'bad_signature' },
    ]);
    const dead = await outboxMessage(db, { client: 'KD/GOV/CUSTOMS', provider: PORT, service: 'manifest', version: 'v1', status: 'dead', attempts: 8, lastError: 'connect ECONNREFUSED 10.20.0.4:443' });

    const page = await openPage();
    await page.goto('/exchange');
    await signInInFrench(page, 'admin@demo.guichet.test');
    await page.getByRole('heading', { level: 1, name: 'Interconnexion' }).waitFor();
    const members = page.getByRole('table', { name: /Membres de l'échange/ });
    const commerce = members.getByRole('row', { name: /KD\/GOV\/COMMERCE/ });
    await commerce.getByText('Ministère du Commerce').waitFor();
    await commerce.getByText('Administration', { exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A new outside system, then its key: until it has one it cannot sign anything.
    await page.getByRole('button', { name: 'Inscrire un membre' }).click();
    const memberForm = page.getByRole('form', { name: 'Nouveau membre' });
    await memberForm.getByLabel('Identifiant').fill(PORT);
    await memberForm.getByLabel('Nature').selectOption({ label: 'Système externe' });
    await memberForm.getByLabel('En français').fill('Système communautaire portuaire');
    await memberForm.getByLabel('En arabe').fill('النظام المجتمعي للميناء');
    await memberForm.getByLabel('En anglais').fill('Port community system');
    await memberForm.getByLabel("Point d'accès (facultatif)").fill('http://127.0.0.1:9/guichet');
    await memberForm.getByRole('button', { name: 'Inscrire le membre' }).click();
    await page.getByText(`Le membre \u2068${PORT}\u2069 est inscrit.`, { exact: false }).waitFor();
    const port = members.getByRole('row', { name: new RegExp(PORT) });
    await port.getByText('0 active(s) sur 0').waitFor();
    await page.getByText("Ce membre n'a encore aucune clé : il ne peut rien signer.").waitFor();
    const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    await page.getByLabel('Clé publique (JWK)').fill('{"kty": "OKP"');
    await page.getByRole('button', { name: 'Ajouter la clé' }).click();
    await page.getByText("Ce texte n'est pas du JSON valide.").waitFor();
    await page.getByLabel('Clé publique (JWK)').fill(JSON.stringify(jwk, null, 2));
    await page.getByRole('button', { name: 'Ajouter la clé' }).click();
    await page.getByText(/La clé .* est ajoutée\./).waitFor();
    await port.getByText('1 active(s) sur 1').waitFor();
    await page.getByRole('table', { name: /Clés de/ }).getByText('Active', { exact: true }).waitFor();
    await shoot(page, '01-member-keyed');

    // Suspending asks first; a suspended member neither calls nor answers until reactivated.
    await page.getByRole('button', { name: 'Suspendre le membre' }).click();
    const suspension = page.getByRole('alertdialog', { name: `Suspendre \u2068${PORT}\u2069 ?` });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
    await suspension.getByRole('button', { name: 'Suspendre le membre' }).click();
    await port.getByText('Suspendu').waitFor();
    await page.getByRole('button', { name: 'Réactiver le membre' }).click();
    await port.getByText('Actif', { exact: true }).waitFor();

    // A service version with its contract; a broken schema is refused where it is broken.
    await page.getByRole('link', { name: 'Services' }).click();
    await page.getByRole('button', { name: 'Enregistrer une version de service' }).click();
    const serviceForm = page.getByRole('form', { name: 'Nouvelle version de service' });
    await serviceForm.getByLabel('Fournisseur').selectOption({ label: 'KD/GOV/CUSTOMS — Direction générale des douanes' });
    await serviceForm.getByLabel('Code du service').fill('manifest-status');
    await serviceForm.getByLabel('Version', { exact: true }).fill('v1');
    await serviceForm.getByLabel('En français').fill('État d’un manifeste');
    await serviceForm.getByLabel('En arabe').fill('حالة بيان الحمولة');
    await serviceForm.getByLabel('En anglais').fill('Manifest status');
    const requestSchema = serviceForm.getByLabel('Schéma JSON de la requête');
    await requestSchema.fill(JSON.stringify({ type: 'object', required: ['manifest'], properties: { manifest: { type: 'strnig' } } }));
    await serviceForm.getByLabel('Schéma JSON de la réponse').fill(JSON.stringify({ type: 'object', properties: { status: { enum: ['open', 'closed'] } } }));
    await serviceForm.getByRole('button', { name: 'Enregistrer la version' }).click();
    await expect.poll(() => requestSchema.getAttribute('aria-invalid')).toBe('true');
    expect(await serviceForm.locator('.field__error').textContent()).toContain('/requestSchema/properties/manifest/type');
    await requestSchema.fill(JSON.stringify({ type: 'object', required: ['manifest'], properties: { manifest: { type: 'string' } } }));
    await serviceForm.getByRole('button', { name: 'Enregistrer la version' }).click();
    await page.getByText(/Le service .manifest-status. .v1. de .KD\/GOV\/CUSTOMS. est enregistré\./).waitFor();
    const services = page.getByRole('table', { name: /Services/ });
    const manifest = services.getByRole('row', { name: /manifest-status v1/ });
    await manifest.getByText('État d’un manifeste').waitFor();
    await manifest.getByText('Aucun').waitFor();

    // The right to call it, granted to the port's system.
    await page.getByRole('link', { name: "Droits d'accès" }).click();
    const grant = page.getByRole('form', { name: 'Accorder un droit' });
    await grant.getByLabel('Service').selectOption({ label: 'KD/GOV/CUSTOMS · manifest-status v1 — État d’un manifeste' });
    await grant.getByLabel('Client').selectOption({ label: `${PORT} — Système communautaire portuaire` });
    await grant.getByRole('button', { name: 'Accorder le droit' }).click();
    await page.getByText(/peut appeler .manifest-status. .v1./).waitFor();
    const rights = page.getByRole('table', { name: /Droits d'accès/ });
    await rights.getByRole('row', { name: new RegExp(`${PORT}.*manifest-status v1`) }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Services' }).click();
    await services.getByRole('row', { name: /manifest-status v1/ }).getByText(PORT).waitFor();

    // The traffic: the refusal stands out, in the counters and in the log.
    await page.getByRole('link', { name: 'Trafic' }).click();
    const log = page.getByRole('table', { name: 'Messages, du plus récent au plus ancien' });
    const refusal = log.getByRole('row', { name: /bad_signature/ });
    await refusal.getByText('Refusé').waitFor();
    expect(await refusal.getAttribute('class')).toContain('traffic-row--refused');
    expect(await log.getByRole('row', { name: /accepted/ }).getAttribute('class')).toBeNull();
    await page.getByText(/dont 1 refusé\(s\) et 0 en échec/).first().waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '02-traffic');
    await page.getByRole('link', { name: 'bad_signature' }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('bad_signature');
    await expect.poll(() => page.getByLabel('Statut').inputValue()).toBe('bad_signature');
    await expect.poll(() => log.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Membre', { exact: true }).fill(`${PORT}/gateway`);
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await page.getByText('Aucun message ne répond à ces critères.').waitFor();

    // The dead message, replayed: back in the delivery queue.
    await page.getByRole('link', { name: 'Envois et messages morts' }).click();
    // The traffic page also has a "Statut" field: wait for the outbox panel before choosing.
    await page.getByRole('heading', { level: 2, name: 'Envois et messages morts' }).waitFor();
    await page.getByLabel('Statut').selectOption({ label: 'Mort' });
    const letters = page.getByRole('table', { name: /Envois au statut « Mort »/ });
    const letter = letters.getByRole('row', { name: new RegExp(dead) });
    await letter.getByText('connect ECONNREFUSED 10.20.0.4:443').waitFor();
    await shoot(page, '03-dead-letter');
    await letter.getByRole('button', { name: `Relancer le message ${dead}` }).click();
    await page.getByText(`Le message ${dead} est remis dans la file de livraison.`).waitFor();
    await page.getByText('Aucun envoi.').waitFor();
    await page.getByLabel('Statut').selectOption({ label: 'Tous les statuts' });
    expect(await page.getByRole('table', { name: /Envois, du plus récent/ }).getByRole('row', { name: new RegExp(dead) }).getByText('Mort').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Arabic: the same console, right to left.
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'الربط البيني' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('link', { name: 'الأعضاء' }).click();
    await page.getByRole('table', { name: /أعضاء التبادل/ }).getByRole('row', { name: new RegExp(PORT) }).getByText('النظام المجتمعي للميناء').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await shoot(page, '04-members-arabic');
    await page.context().close();
  });

  it('lets the auditor read the console, in her own language, but change nothing', async () => {
    const dead = await outboxMessage(server().database.db, { client: 'KD/GOV/CUSTOMS', provider: 'KD/GOV/COMMERCE', service: 'licence-check', version: 'v1', status: 'dead', lastError: 'schema_mismatch: /licence' });
    const page = await openPage();
    await page.goto('/exchange/outbox');
    await signInInFrench(page, 'leila.haddad@demo.guichet.test');
    // Her account speaks English: the console follows.
    await page.getByRole('heading', { level: 1, name: 'Exchange' }).waitFor();
    const letter = page.getByRole('table', { name: 'Messages sent, newest first' }).getByRole('row', { name: new RegExp(dead) });
    await letter.getByText('Dead', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /Replay/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Members' }).click();
    const members = page.getByRole('table', { name: /Exchange members/ });
    await members.getByRole('button', { name: 'Details of KD/GOV/CUSTOMS' }).click();
    await page.getByRole('heading', { name: /KD\/GOV\/CUSTOMS/ }).waitFor();
    expect(await page.getByRole('button', { name: /Register a member|Suspend|Add the key|Retire|Revoke/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
