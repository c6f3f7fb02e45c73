import type { Collection } from './operator.ts';

export type PhoneLanguage = 'fr' | 'ar' | 'en';

const TEXT = {
  fr: {
    title: 'Téléphone',
    operator: 'Opérateur de monnaie mobile (simulateur)',
    waiting: 'Demandes de paiement en attente',
    none: 'Aucune demande en attente.',
    asks: 'demande',
    confirm: 'Confirmer',
    decline: 'Refuser',
    history: 'Dernières opérations',
    refresh: 'Actualiser',
    status: { PENDING: 'en attente', SUCCESSFUL: 'payé', FAILED: 'échoué' },
    refunded: 'remboursé',
  },
  ar: {
    title: 'الهاتف',
    operator: 'مشغل النقود عبر الهاتف المحمول (محاكاة)',
    waiting: 'طلبات الدفع المعلقة',
    none: 'لا توجد طلبات معلقة.',
    asks: 'يطلب',
    confirm: 'تأكيد',
    decline: 'رفض',
    history: 'آخر العمليات',
    refresh: 'تحديث',
    status: { PENDING: 'معلق', SUCCESSFUL: 'مدفوع', FAILED: 'فشل' },
    refunded: 'مسترد',
  },
  en: {
    title: 'Phone',
    operator: 'Mobile-money operator (simulator)',
    waiting: 'Payment requests waiting',
    none: 'No request waiting.',
    asks: 'asks for',
    confirm: 'Confirm',
    decline: 'Decline',
    history: 'Latest operations',
    refresh: 'Refresh',
    status: { PENDING: 'waiting', SUCCESSFUL: 'paid', FAILED: 'failed' },
    refunded: 'refunded',
  },
} satisfies Record<PhoneLanguage, unknown>;

const LOCALES: Record<PhoneLanguage, string> = { fr: 'fr-FR', ar: 'ar', en: 'en-GB' };

export const phoneLanguage = (value: unknown): PhoneLanguage => (value === 'ar' || value === 'en' ? value : 'fr');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const money = (amount: number, currency: string, language: PhoneLanguage) =>
  new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);

/** The payer's phone screen: plain HTML forms, no script, in the payer's language (Arabic right to left). */
export function phonePage(msisdn: string, collections: readonly Collection[], language: PhoneLanguage): string {
  const t = TEXT[language];
  const number = escapeHtml(msisdn);
  const waiting = collections.filter((c) => c.status === 'PENDING');
  const done = collections.filter((c) => c.status !== 'PENDING');
  const prompt = (c: Collection) => `
    <li class="prompt">
      <p><strong>${escapeHtml(c.description)}</strong> ${t.asks} <strong>${escapeHtml(money(c.amount, c.currency, language))}</strong></p>
      <form method="post" action="/phone/${encodeURIComponent(msisdn)}/prompts/${encodeURIComponent(c.transactionId)}?lang=${language}">
        <button type="submit" name="answer" value="confirm">${t.confirm}</button>
        <button type="submit" name="answer" value="decline">${t.decline}</button>
      </form>
    </li>`;
  const line = (c: Collection) =>
    `<li>${escapeHtml(c.description)} — ${escapeHtml(money(c.amount, c.currency, language))} — ${c.refund ? t.refunded : t.status[c.status]} <small>${c.transactionId}</small></li>`;
  return `<!doctype html>
<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} ${number}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 26rem; margin: 1rem auto; padding: 1rem; border: 2px solid #333; border-radius: 1.5rem; }
  h1 { font-size: 1.2rem; } ul { padding: 0; list-style: none; } li { margin: .6rem 0; }
  .prompt { border: 1px solid #0a5; border-radius: .5rem; padding: .6rem; }
  button { font-size: 1rem; padding: .4rem 1rem; margin-inline-end: .5rem; }
</style>
</head>
<body>
<p>${t.operator}</p>
<h1>${t.title} <bdi>${number}</bdi></h1>
<h2>${t.waiting}</h2>
${waiting.length ? `<ul>${waiting.map(prompt).join('')}</ul>` : `<p>${t.none}</p>`}
<p><a href="/phone/${encodeURIComponent(msisdn)}?lang=${language}">${t.refresh}</a></p>
${done.length ? `<h2>${t.history}</h2><ul>${done.map(line).join('')}</ul>` : ''}
</body>
</html>`;
}
