import { describe, expect, it } from 'vitest';
import { applicantMessage, escalationMessage, type ApplicantFacts } from './compose.ts';

const facts = (overrides: Partial<ApplicantFacts> = {}): ApplicantFacts => ({
  locale: 'fr',
  name: 'Awa Ndiaye',
  reference: 'KD-2026-000123',
  procedure: "Licence d'importation",
  state: 'Correction demandée',
  comment: null,
  url: 'https://guichet.example/portal/applications/a1',
  ...overrides,
});

describe('messages to applicants', () => {
  it('writes in the applicant’s language, with the reference, the procedure, the state and the link', () => {
    const message = applicantMessage('approved', facts({ locale: 'en', procedure: 'Import licence', state: 'Licence issued' }));
    expect(message.subject).toBe('KD-2026-000123: your application has been approved');
    expect(message.text).toContain('Hello Awa Ndiaye,');
    expect(message.text).toContain('“Import licence”');
    expect(message.text).toContain('Licence issued');
    expect(message.text).toContain('Follow your application: https://guichet.example/portal/applications/a1');
    expect(message.html).toContain('<html lang="en" dir="ltr">');
  });

  it('sets Arabic right to left in the HTML part', () => {
    const message = applicantMessage('rejected', facts({ locale: 'ar', name: 'خديجة', procedure: 'رخصة الاستيراد', state: 'تم رفض الطلب', comment: 'الفاتورة غير مقروءة' }));
    expect(message.subject).toBe('KD-2026-000123: تم رفض طلبكم');
    expect(message.html).toContain('<html lang="ar" dir="rtl">');
    expect(message.text).toContain('سبب الرفض: الفاتورة غير مقروءة');
  });

  it('quotes the officer’s request for a correction, and leaves the line out when there is none', () => {
    const asked = applicantMessage('action_required', facts({ comment: 'La facture est illisible.' }));
    expect(asked.text).toContain("Ce que demande l'agent : La facture est illisible.");
    expect(applicantMessage('action_required', facts({ comment: '  ' })).text).not.toContain("Ce que demande l'agent");
  });

  it('treats what people typed as text in the HTML part, never as markup', () => {
    const message = applicantMessage('action_required', facts({ name: '<b>Awa</b>', comment: '<script>alert(1)</script> & "more"' }));
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;more&#34;');
    expect(message.text).toContain('<script>alert(1)</script>'); // the plain-text part shows it as typed
  });

  it('keeps the SMS short: reference, state and link', () => {
    const message = applicantMessage('payment_due', facts({ state: 'En attente de paiement' }));
    expect(message.sms).toBe('Guichet : KD-2026-000123 — En attente de paiement. https://guichet.example/portal/applications/a1');
  });
});

describe('messages to agency administrators', () => {
  const overdue = { name: 'Mariam Koné', reference: 'KD-2026-000123', state: 'En cours d’instruction', agency: 'Ministère du Commerce', dueOn: '2026-03-02', url: 'https://guichet.example/back-office/cases/a1' };

  it('names the overdue step, the agency and the due day in the reader’s calendar wording', () => {
    const fr = escalationMessage({ ...overdue, locale: 'fr', procedure: "Licence d'importation" });
    expect(fr.subject).toBe('En retard : KD-2026-000123');
    expect(fr.text).toContain('échéance du 2 mars 2026');
    expect(fr.text).toContain('Service concerné : Ministère du Commerce');
    const ar = escalationMessage({ ...overdue, locale: 'ar', procedure: 'رخصة الاستيراد' });
    expect(ar.text).toMatch(/2 مارس 2026/);
  });

  it('does without the procedure’s name when the event does not carry it', () => {
    const en = escalationMessage({ ...overdue, locale: 'en', procedure: null, state: 'in_review' });
    expect(en.text).toContain('The file KD-2026-000123 has stayed in the step “in_review”');
  });
});
