import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { ApplicantNoticeKind } from './audience.ts';

/** One message in one language, ready for either channel: the e-mail parts and the SMS text. */
export interface ComposedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

export interface ApplicantFacts {
  locale: Locale;
  name: string;
  reference: string;
  procedure: string;
  state: string;
  /** The officer's words (correction asked, reason for a rejection); null when none was given. */
  comment: string | null;
  url: string;
}

export interface EscalationFacts {
  locale: Locale;
  name: string;
  reference: string;
  /** Null when the event does not say which procedure (the state is then named by its id). */
  procedure: string | null;
  state: string;
  agency: string;
  /** YYYY-MM-DD */
  dueOn: string;
  url: string;
}

/** Tells an applicant what happened to their file and what comes next, in their language. */
export function applicantMessage(kind: ApplicantNoticeKind, facts: ApplicantFacts): ComposedMessage {
  const t = (key: string) => translate(facts.locale, `notifications.applicant.${key}`, { ...facts });
  const comment = facts.comment?.trim();
  return render(facts.locale, {
    name: facts.name,
    subject: t(`${kind}.subject`),
    paragraphs: [t(`${kind}.body`), ...(comment ? [translate(facts.locale, `notifications.applicant.${kind}.comment`, { comment })] : []), t(`${kind}.next`)],
    link: { label: t('link'), url: facts.url },
    sms: t('sms'),
  });
}

/** Tells an agency administrator that a file has overstayed a step's deadline. */
export function escalationMessage(facts: EscalationFacts): ComposedMessage {
  const params = { ...facts, dueOn: formatDay(facts.locale, facts.dueOn) };
  const t = (key: string) => translate(facts.locale, `notifications.escalated.${key}`, params);
  return render(facts.locale, {
    name: facts.name,
    subject: t('subject'),
    paragraphs: [t(facts.procedure ? 'body' : 'bodyWithoutProcedure'), t('next')],
    link: { label: t('link'), url: facts.url },
    sms: t('sms'),
  });
}

interface Layout {
  name: string;
  subject: string;
  paragraphs: string[];
  link: { label: string; url: string };
  sms: string;
}

/** The plain-text body is the message; the HTML part says the same, with the writing direction of the language. */
function render(locale: Locale, layout: Layout): ComposedMessage {
  const greeting = translate(locale, 'notifications.greeting', { name: layout.name });
  const closing = [translate(locale, 'notifications.signature'), translate(locale, 'notifications.automatic')];
  const text = [greeting, ...layout.paragraphs, `${layout.link.label}: ${layout.link.url}`, closing.join('\n')].join('\n\n');
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const html = [
    `<!doctype html>`,
    `<html lang="${locale}" dir="${dir}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(layout.subject)}</title></head>`,
    `<body style="font-family: sans-serif; line-height: 1.5">`,
    ...[greeting, ...layout.paragraphs].map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(layout.link.url)}">${escapeHtml(layout.link.label)}</a></p>`,
    `<p style="color: #555">${closing.map(escapeHtml).join('<br>')}</p>`,
    `</body>`,
    `</html>`,
  ].join('\n');
  return { subject: layout.subject, text, html, sms: layout.sms };
}

// Arabic keeps Western digits (CLDR `latn`), as in the web app: dates read like the references next to them.
const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }),
  ar: new Intl.DateTimeFormat('ar-u-nu-latn', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};

function formatDay(locale: Locale, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormats[locale].format(date);
}

/** Every interpolated value (names, comments typed by people) is text, never markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
