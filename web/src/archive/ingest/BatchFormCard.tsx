import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../forms/Field';
import { fieldMessages } from '../../forms/fieldMessages';
import { useLanguage } from '../../i18n/formats';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { ACCESS_LEVELS, emptyForm, OCR_LANGUAGES, type BatchForm, type Choices, type OcrLanguage } from './ingest';

/** What the scanners deliver; the server decides by the bytes whatever the picker lets through. */
const ACCEPTED_FILES = '.pdf,.tif,.tiff,.jpg,.jpeg,.png,application/pdf,image/tiff,image/jpeg,image/png';

interface Props {
  choices: Choices;
  pending: boolean;
  error: unknown;
  onSend(form: BatchForm, files: File[]): void;
}

/** The description the batch's files share, and the files themselves. */
export function BatchFormCard({ choices, pending, error, onSend }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ids = useId();
  const [form, setForm] = useState<BatchForm>(() => emptyForm(language));
  const [files, setFiles] = useState<File[]>([]);
  const fields = fieldMessages(error, 'body');
  const set = <K extends keyof BatchForm>(key: K, value: BatchForm[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const toggleLanguage = (code: OcrLanguage, on: boolean) => set('languages', on ? [...form.languages, code] : form.languages.filter((l) => l !== code));
  const languagesError = fields.get('languages');

  function send(event: FormEvent) {
    event.preventDefault();
    onSend(form, files);
  }

  return (
    <section className="card stack" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('archiveIngest.formTitle')}</h2>
      <form className="form" onSubmit={send} noValidate aria-labelledby={`${ids}-title`}>
        <fieldset className="fieldset">
          <legend>{t('archiveIngest.titles')}</legend>
          <p className="field__hint">{t('archiveIngest.titlesHint')}</p>
          <Field id={`${ids}-title-fr`} label={t('archiveIngest.titleFr')} error={fields.get('title')}>
            {(control) => <input {...control} lang="fr" dir="ltr" value={form.titleFr} onChange={(e) => set('titleFr', e.target.value)} />}
          </Field>
          <Field id={`${ids}-title-ar`} label={t('archiveIngest.titleAr')}>
            {(control) => <input {...control} lang="ar" dir="rtl" value={form.titleAr} onChange={(e) => set('titleAr', e.target.value)} />}
          </Field>
          <Field id={`${ids}-title-en`} label={t('archiveIngest.titleEn')}>
            {(control) => <input {...control} lang="en" dir="ltr" value={form.titleEn} onChange={(e) => set('titleEn', e.target.value)} />}
          </Field>
        </fieldset>
        <Field id={`${ids}-creator`} label={t('archiveIngest.creator')} error={fields.get('creatorAgency')}>
          {(control) => (
            <select {...control} value={form.creatorAgency} onChange={(e) => set('creatorAgency', e.target.value)}>
              <option value="">{t('archiveIngest.choose')}</option>
              {choices.agencies.map((agency) => (
                <option key={agency.code} value={agency.code}>
                  {agency.names[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${ids}-subject`} label={t('archiveIngest.subject')} hint={t('archiveIngest.subjectHint')} error={fields.get('subject')}>
          {(control) => <input {...control} value={form.subject} onChange={(e) => set('subject', e.target.value)} />}
        </Field>
        <Field id={`${ids}-from`} label={t('archiveIngest.dateFrom')} hint={t('archiveIngest.dateHint')} error={fields.get('dateFrom')}>
          {(control) => <input {...control} dir="ltr" inputMode="numeric" autoComplete="off" value={form.dateFrom} onChange={(e) => set('dateFrom', e.target.value)} />}
        </Field>
        <Field id={`${ids}-to`} label={t('archiveIngest.dateTo')} hint={t('archiveIngest.dateToHint')} error={fields.get('dateTo')}>
          {(control) => <input {...control} dir="ltr" inputMode="numeric" autoComplete="off" value={form.dateTo} onChange={(e) => set('dateTo', e.target.value)} />}
        </Field>
        <Field id={`${ids}-class`} label={t('archiveIngest.retentionClass')} error={fields.get('retentionClass')}>
          {(control) => (
            <select {...control} value={form.retentionClass} onChange={(e) => set('retentionClass', e.target.value)}>
              <option value="">{t('archiveIngest.choose')}</option>
              {choices.retentionClasses.map((c) => (
                <option key={c.code} value={c.code}>
                  {t('archiveIngest.classOption', { title: c.title[language], code: c.code })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${ids}-access`} label={t('archiveIngest.accessLevel')} hint={t('archiveIngest.accessHint')} error={fields.get('accessLevel')}>
          {(control) => (
            <select {...control} value={form.accessLevel} onChange={(e) => set('accessLevel', e.target.value as BatchForm['accessLevel'])}>
              {ACCESS_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`archiveIngest.access.${level}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="fieldset" aria-describedby={`${ids}-languages-hint${languagesError ? ` ${ids}-languages-error` : ''}`}>
          <legend>{t('archiveIngest.languages')}</legend>
          <p id={`${ids}-languages-hint`} className="field__hint">
            {t('archiveIngest.languagesHint')}
          </p>
          {languagesError ? (
            <p id={`${ids}-languages-error`} className="field__error" lang={languagesError.language}>
              {languagesError.text}
            </p>
          ) : null}
          {OCR_LANGUAGES.map((code) => (
            <div key={code} className="ingest-choice">
              <input id={`${ids}-language-${code}`} type="checkbox" checked={form.languages.includes(code)} onChange={(e) => toggleLanguage(code, e.target.checked)} />
              <label htmlFor={`${ids}-language-${code}`}>{t(`archiveIngest.languageNames.${code}`)}</label>
            </div>
          ))}
        </fieldset>
        <Field id={`${ids}-files`} label={t('archiveIngest.files')} hint={t('archiveIngest.filesHint', { megabytes: Math.floor(choices.uploadLimitBytes / (1024 * 1024)) })}>
          {(control) => <input {...control} type="file" multiple accept={ACCEPTED_FILES} onChange={(e) => setFiles([...(e.target.files ?? [])])} />}
        </Field>
        <ErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {t('archiveIngest.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
