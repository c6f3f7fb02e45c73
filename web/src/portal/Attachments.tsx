import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../applications/types';
import { useSubmission } from '../forms/useSubmission';
import { useFormats, useLanguage } from '../i18n/formats';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { acceptAttribute, attachmentRows, refuseFile, sizeInUnits, typeName } from './attachmentRules';
import type { AttachmentRule } from './definition';

interface AttachmentsProps {
  applicationId: string;
  rules: readonly AttachmentRule[];
  attached: readonly AttachmentView[];
  editable: boolean;
  /** Messages by kind: a required document missing, or the server's refusal at submission. */
  problems: Readonly<Record<string, string>>;
  onChanged(): void;
}

/** The supporting documents: one row per kind the procedure asks for. */
export function Attachments({ applicationId, rules, attached, editable, problems, onChanged }: AttachmentsProps) {
  const { t } = useTranslation();
  if (rules.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="file-attachments">
      <h2 id="file-attachments">{t('portal.attachments.title')}</h2>
      <ul className="plain-list portal-attachments">
        {attachmentRows(rules, attached).map(({ rule, files }) => (
          <AttachmentRow
            key={rule.kind}
            applicationId={applicationId}
            rule={rule}
            files={files}
            editable={editable}
            problem={problems[rule.kind]}
            onChanged={onChanged}
          />
        ))}
      </ul>
    </section>
  );
}

interface RowProps {
  applicationId: string;
  rule: AttachmentRule;
  files: AttachmentView[];
  editable: boolean;
  problem: string | undefined;
  onChanged(): void;
}

function AttachmentRow({ applicationId, rule, files, editable, problem, onChanged }: RowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const { request } = useSession();
  const { pending, error, run } = useSubmission();
  const [refusal, setRefusal] = useState<string | null>(null);
  const inputId = `attachment-${rule.kind}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const message = refusal ?? problem;
  const base = `/api/applications/${encodeURIComponent(applicationId)}/attachments`;

  function upload(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // Checked here to spare a useless upload; the server checks again, by the file's bytes.
    const refused = refuseFile(rule, file);
    setRefusal(refused ? t(`portal.attachments.${refused.code}`, { size: rule.maxSizeMb }) : null);
    if (refused) {
      input.value = '';
      return;
    }
    void run(async () => {
      await request(`${base}?kind=${encodeURIComponent(rule.kind)}`, {
        method: 'POST',
        body: file,
        headers: { 'x-file-name': encodeURIComponent(file.name) },
      });
      input.value = '';
      onChanged();
    });
  }

  function remove(file: AttachmentView) {
    void run(async () => {
      await request(`${base}/${encodeURIComponent(file.id)}`, { method: 'DELETE' });
      onChanged();
    });
  }

  return (
    <li className="portal-attachment">
      <p className="portal-attachment__label">
        <strong>{rule.label[language]}</strong>{' '}
        <span className="cell-note">({rule.required ? t('portal.attachments.required') : t('portal.attachments.optional')})</span>
      </p>
      <p id={hintId} className="field__hint">
        {t('portal.attachments.limits', { types: rule.types.map(typeName).join(', '), size: rule.maxSizeMb })}
      </p>
      {files.length > 0 ? (
        <ul className="plain-list">
          {files.map((file) => {
            const size = sizeInUnits(file.size);
            return (
              <li key={file.id} className="portal-attachment__file">
                <a href={`${base}/${encodeURIComponent(file.id)}`} download={file.fileName}>
                  {file.fileName}
                </a>{' '}
                <span className="cell-note">
                  {t(`portal.attachments.size_${size.unit}`, { value: formats.number(size.value) })}
                </span>
                {editable ? (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    disabled={pending}
                    onClick={() => remove(file)}
                  >
                    {t('portal.attachments.remove', { name: file.fileName })}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="cell-note">{t('portal.attachments.none')}</p>
      )}
      {message ? (
        <p id={errorId} className="field__error">
          {message}
        </p>
      ) : null}
      {editable ? (
        <div className="field">
          <label htmlFor={inputId}>{t('portal.attachments.choose', { label: rule.label[language] })}</label>
          <input
            id={inputId}
            type="file"
            accept={acceptAttribute(rule)}
            disabled={pending}
            aria-describedby={message ? `${hintId} ${errorId}` : hintId}
            aria-invalid={message ? true : undefined}
            onChange={upload}
          />
        </div>
      ) : null}
      {pending ? <p role="status">{t('portal.attachments.uploading')}</p> : null}
      <ErrorAlert error={error} />
    </li>
  );
}
