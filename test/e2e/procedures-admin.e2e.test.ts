import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { browserStory, documentLanguage, seriousAccessibilityViolations, signInInFrench } from './support.ts';

interface Definition {
  id: string;
  version: number;
  agency: string;
  workflow: { transitions: { action: string; to: string }[] };
}

describe('publishing a new version of a procedure from the administration', { timeout: 120_000 }, () => {
  const { openPage, server } = browserStory();

  async function currentDefinition(procedureId: string): Promise<Definition> {
    const response = await fetch(`${server().url}/api/catalogue/procedures/${procedureId}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Definition;
  }

  it('refuses a definition whose transition leads nowhere, showing where, then publishes the fixed one as version 2', async () => {
    const before = await currentDefinition('import-export-card');
    expect(before.version).toBe(1);
    const approve = before.workflow.transitions.findIndex((transition) => transition.action === 'approve');
    expect(before.workflow.transitions[approve]?.to).toBe('approved');

    const page = await openPage();
    await page.goto('/admin');
    await signInInFrench(page, 'admin@demo.guichet.test');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();

    const procedures = page.getByRole('table', { name: /^Démarches/ });
    const card = procedures.getByRole('row', { name: /import-export-card/ });
    await card.getByRole('cell', { name: 'Ministère du Commerce' }).waitFor();
    expect(await card.locator('td').nth(1).textContent()).toBe('1');
    await card.getByRole('link', { name: "Ouvrir la démarche Carte d'importateur-exportateur" }).click();

    // The panel opens on its heading, with what the current version asks and goes through.
    const heading = page.getByRole('heading', { level: 3, name: "Carte d'importateur-exportateur — version 1" });
    await heading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Carte d'importateur-exportateur — version 1");
    expect(new URL(page.url()).searchParams.get('procedure')).toBe('import-export-card');
    await page.getByRole('table', { name: /États du circuit/ }).getByRole('row', { name: /approved/ }).getByText('Accordée').waitFor();
    await page.getByRole('table', { name: /Pièces justificatives/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The current version downloads as the YAML an editor expects.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger en YAML' }).click()]);
    expect(download.suggestedFilename()).toBe('import-export-card.v1.yaml');
    const downloaded = await readFile(await download.path(), 'utf8');
    expect(downloaded).toMatch(/^id: import-export-card$/m);
    expect(downloaded).toMatch(/^version: 1$/m);

    // The editor starts from the current definition, numbered 2; break the approval's target.
    const editor = page.getByLabel('Définition (YAML ou JSON)');
    const draft = await editor.inputValue();
    expect(draft).toMatch(/^version: 2$/m);
    expect(draft.match(/^ +to: approved$/gm)).toHaveLength(1);
    await editor.fill(draft.replace(/^( +)to: approved$/m, '$1to: nowhere'));
    await page.getByRole('button', { name: 'Publier la version 2' }).click();

    const alert = page.getByRole('alert');
    await alert.getByText(/La définition de la procédure est invalide/).waitFor();
    const problems = page.getByRole('list', { name: 'Points à corriger' });
    const problem = problems.getByRole('listitem').filter({ hasText: `/workflow/transitions/${approve}/to` });
    await problem.getByText('État inconnu : nowhere.').waitFor();
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    // The problem leads to its place in the text.
    await problem.getByRole('button', { name: /Aller à la ligne \d+/ }).click();
    await expect
      .poll(() => editor.evaluate((element: HTMLTextAreaElement) => element.value.slice(element.selectionStart, element.selectionEnd)))
      .toBe('nowhere');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('definition');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Nothing was published.
    expect((await currentDefinition('import-export-card')).version).toBe(1);
    expect(await heading.count()).toBe(1);

    // A syntax error is caught before anything is sent, with its line.
    await editor.fill(draft.replace(/^version: 2$/m, 'version: [2'));
    await page.getByRole('button', { name: 'Publier la version 2' }).click();
    await page.getByText(/ni du YAML ni du JSON lisible : erreur ligne \d+/).waitFor();
    expect(await problems.count()).toBe(0);

    // Fixed, it is published: the panel now shows version 2.
    await editor.fill(draft);
    await page.getByRole('button', { name: 'Publier la version 2' }).click();
    await page.getByText('La version 2 est publiée.', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 3, name: "Carte d'importateur-exportateur — version 2" }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await editor.inputValue()).toMatch(/^version: 3$/m);
    expect((await currentDefinition('import-export-card')).version).toBe(2);
    // Version 1 stays published, for the applications pinned to it.
    expect((await fetch(`${server().url}/api/catalogue/procedures/import-export-card/versions/1`)).status).toBe(200);

    await page.getByRole('button', { name: 'Retour à la liste des démarches' }).click();
    await expect.poll(() => card.locator('td').nth(1).textContent()).toBe('2');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Démarches');
    await page.context().close();
  });

  it('shows the Commerce administrator a Health procedure in Arabic, and the refusal to publish it', async () => {
    const page = await openPage();
    await page.goto('/admin');
    await signInInFrench(page, 'mariam.kone@demo.guichet.test');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'الإدارة' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });

    const procedures = page.getByRole('table', { name: /^الإجراءات/ });
    const pharmacy = procedures.getByRole('row', { name: /pharmaceutical-import-authorisation/ });
    await pharmacy.getByRole('link', { name: /^فتح الإجراء / }).click();
    const heading = page.getByRole('heading', { level: 3, name: /— الإصدار 1$/ });
    await heading.waitFor();
    await page.getByText('يتبع هذا الإجراء إدارة غير إدارتك', { exact: false }).waitFor();
    // Code reads left to right inside the mirrored page.
    const editor = page.getByLabel('التعريف (YAML أو JSON)');
    expect(await editor.getAttribute('dir')).toBe('ltr');
    const box = await heading.boundingBox();
    expect(box && box.x + box.width).toBeGreaterThan(1280 / 2);

    // A definition loaded from a JSON file replaces the text, and is refused by the server.
    const definition = await currentDefinition('pharmaceutical-import-authorisation');
    expect(definition.agency).toBe('HEALTH');
    await page.getByLabel('تحميل ملف').setInputFiles({
      name: 'pharmaceutical-import-authorisation.v2.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...definition, version: 2 }, null, 2)),
    });
    await expect.poll(() => editor.inputValue()).toContain('"version": 2');
    await page.getByRole('button', { name: 'نشر الإصدار 2' }).click();
    await page.getByRole('alert').getByText('هذا الإجراء من اختصاص إدارة أخرى غير إدارتك.').waitFor();
    expect((await currentDefinition('pharmaceutical-import-authorisation')).version).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
