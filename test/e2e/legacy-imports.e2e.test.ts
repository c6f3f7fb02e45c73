import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureReferenceData } from '../../src/modules/customs/index.ts';
import { demoEmail } from '../support/client.ts';
import { browserStory, screenshot, seriousAccessibilityViolations, signInInFrench } from './support.ts';

const BAD_LINES = fileURLToPath(new URL('../fixtures/legacy/export-with-bad-lines.csv', import.meta.url));

describe('a customs officer imports the legacy system’s export in the browser', { timeout: 240_000 }, () => {
  const { openPage, server } = browserStory();

  beforeAll(async () => {
    await ensureReferenceData(server().database.db);
  }, 180_000);

  it('uploads the CSV export and reads each rejected line with its reason', async () => {
    const page = await openPage();
    await page.goto('/customs/legacy');
    // Karim Benali, customs officer, reads Arabic.
    await signInInFrench(page, demoEmail('karim.benali'));
    await page.getByRole('heading', { level: 1, name: 'النظام الجمركي القديم' }).waitFor();
    await page.getByLabel('ملف التصدير').setInputFiles(BAD_LINES);
    await page.getByRole('button', { name: 'استيراد', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: /استيراد .*export-with-bad-lines\.csv/ }).waitFor();
    await page.getByText('8 مقروء: 2 مستورد، 0 موجود سابقًا، 6 مرفوض.').waitFor();
    const rejections = page.getByRole('table', { name: 'كل سجل تعذّر تحويله، مع موضعه في الملف وسبب الرفض' });
    await rejections.getByRole('row', { name: /السطر 3 .*FIX-BAD-0002.*IM4/ }).waitFor();
    expect(await rejections.getByRole('row').count()).toBe(7);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'legacy-import-report-ar');

    await page.getByRole('link', { name: 'كل عمليات الاستيراد' }).click();
    await page.getByRole('table', { name: 'عمليات استيراد تصاريح النظام القديم، الأحدث أولًا' }).getByRole('link', { name: 'export-with-bad-lines.csv' }).waitFor();
  });
});
