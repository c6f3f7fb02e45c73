import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPassengers } from '../../src/demo/passengers-seed.ts';
import { ensureReferenceData } from '../../src/modules/customs/index.ts';
import { demoEmail } from '../support/client.ts';
import { browserStory, documentLanguage, screenshot, seriousAccessibilityViolations, signInInFrench } from './support.ts';

describe('a traveller in the browser', { timeout: 240_000 }, () => {
  const { openPage, server } = browserStory();

  beforeAll(async () => {
    // Offices, countries, currencies and the day's exchange rates.
    await ensureReferenceData(server().database.db);
  }, 180_000);

  it('declares foreign currency in Arabic and gets the signed declaration', async () => {
    const page = await openPage({ width: 390, height: 844 });
    await page.goto('/portal/travel');
    // Aïcha Diallo's account speaks Arabic: the page reads right to left.
    await signInInFrench(page, demoEmail('aicha.diallo'));
    await page.getByRole('heading', { level: 1, name: 'السفر بمركبة أو بعملات أجنبية' }).waitFor();
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });

    const form = page.getByRole('form', { name: 'تصريح بالعملات الأجنبية' });
    await form.getByLabel('رقم جواز السفر').fill('DZ2231984');
    await form.getByLabel('بلد إصدار جواز السفر').selectOption('DZ');
    await form.getByLabel('مكتب الجمارك').selectOption('KDKIA01');
    await form.getByLabel('العملة', { exact: true }).selectOption('EUR');
    await form.getByLabel('المبلغ', { exact: true }).fill('8000');
    await form.getByRole('button', { name: 'تصريح', exact: true }).click();

    // 8,000 × 655.957 = 5,247,656 XOF: above the threshold, so the declaration is issued.
    await page.getByText(/^صدر التصريح CUSTOMS-\d{4}-\d{6}\.$/).waitFor();
    const row = page.getByRole('table', { name: 'تصاريحي بالعملات' }).getByRole('row', { name: /CUSTOMS-/ });
    await row.getByText('الدخول إلى الإقليم').waitFor();
    expect((await row.textContent())?.replace(/\s/g, '')).toContain('5,247,656XOF');
    await row.getByRole('link', { name: /تنزيل ملف PDF مع رمز QR/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'passengers-currency-declaration-ar');
  });

  it('lets a border officer check an overdue car\'s pass and record its exit', async () => {
    const platform = server();
    await seedDemoPassengers(platform.database.db, { documents: platform.documents, reference: platform.customs.reference });
    // What the officer's camera would read from Moussa Traoré's pass (the overdue one of the demo).
    const pass = await platform.database.db.selectFrom('vehicle_passes').innerJoin('documents', 'documents.id', 'vehicle_passes.document_id').select(['documents.payload', 'vehicle_passes.document_number']).where('vehicle_passes.overdue_on', 'is not', null).executeTakeFirstOrThrow();

    const page = await openPage();
    await page.goto('/customs/border');
    await signInInFrench(page, demoEmail('karim.benali'));
    await page.getByRole('heading', { level: 1, name: 'المركز الحدودي' }).waitFor();
    const overdue = page.getByRole('table', { name: 'المركبات المتجاوزة لمدة الإقامة' });
    await overdue.getByRole('row', { name: new RegExp(pass.document_number) }).waitFor();

    await page.getByLabel('مكتبك').selectOption('KDSNB01');
    await page.getByLabel('رمز الوثيقة').fill(pass.payload);
    await page.getByRole('button', { name: 'تحقق', exact: true }).click();
    await page.getByText('تجاوز مدة الإقامة', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'تسجيل خروج المركبة' }).click();
    await page.getByText(`تم تسجيل الخروج للتصريح ${pass.document_number}: أُغلق التصريح.`).waitFor();
    await page.getByText('لا توجد مركبات متجاوزة.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'passengers-border-exit-ar');
  });
});
