import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, NewStaffAccount } from '../../api/types';
import { Field } from '../../forms/Field';
import { fieldMessages } from '../../forms/fieldMessages';
import { useSubmission } from '../../forms/useSubmission';
import { autonyms, currentLanguage, languages } from '../../i18n/languages';
import { useSession } from '../../session/SessionContext';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { GrantFields } from './GrantFields';
import { draftGrant, toGrant, type GrantChoices, type GrantDraft } from './grantChoices';

interface StaffAccountFormProps {
  id: string;
  choices: GrantChoices;
  onCreated(displayName: string): void;
  onCancel(): void;
}

/** Refusals about one field that the server reports without naming it. */
const fieldOfCode = { email_taken: 'email', weak_password: 'password' } as const;

export function StaffAccountForm({ id, choices, onCreated, onCancel }: StaffAccountFormProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Language>(currentLanguage());
  const [grants, setGrants] = useState<GrantDraft[]>(() => [draftGrant(choices)]);
  const { pending, error, run } = useSubmission();
  const firstField = useRef<HTMLInputElement>(null);
  const fields = fieldMessages(error, 'body', fieldOfCode);

  // Opening the form is asking to fill it in.
  useEffect(() => firstField.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const account: NewStaffAccount = { email: email.trim(), displayName: displayName.trim(), password, locale, grants: grants.map(toGrant) };
    await run(async () => {
      await request<{ id: string }>('/api/users', { method: 'POST', body: account });
      onCreated(account.displayName);
    });
  }

  return (
    <form id={id} className="form card" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
      <h3 id={`${id}-title`}>{t('staff.form.title')}</h3>
      <Field id={`${id}-name`} label={t('staff.form.displayName')} error={fields.get('displayName')}>
        {(control) => (
          <input
            {...control}
            ref={firstField}
            name="displayName"
            autoComplete="off"
            required
            minLength={2}
            maxLength={120}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-email`} label={t('staff.form.email')} error={fields.get('email')}>
        {(control) => (
          <input
            {...control}
            name="email"
            type="email"
            dir="ltr"
            autoComplete="off"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-password`} label={t('staff.form.password')} hint={t('staff.form.passwordHint')} error={fields.get('password')}>
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            dir="ltr"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-locale`} label={t('staff.form.locale')} hint={t('staff.form.localeHint')} error={fields.get('locale')}>
        {(control) => (
          <select {...control} name="locale" value={locale} onChange={(event) => setLocale(event.target.value as Language)}>
            {languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {autonyms[language]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <GrantFields idPrefix={`${id}-grant`} choices={choices} grants={grants} onChange={setGrants} messages={fields} />
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('staff.form.submitting') : t('staff.form.submit')}
        </button>
        <button type="button" className="button button--secondary" disabled={pending} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
