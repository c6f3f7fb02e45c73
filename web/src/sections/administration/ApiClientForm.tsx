import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiClient } from '../../api/types';
import { Field } from '../../forms/Field';
import { fieldMessages } from '../../forms/fieldMessages';
import { useSubmission } from '../../forms/useSubmission';
import { useSession } from '../../session/SessionContext';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { GrantSelects } from './GrantSelects';
import { draftGrant, toGrant, type GrantChoices, type GrantDraft } from './grantChoices';

interface ApiClientFormProps {
  id: string;
  choices: GrantChoices;
  onCreated(client: CreatedApiClient): void;
  onCancel(): void;
}

/** A machine client holds exactly one role grant, like a staff member with a single role. */
export function ApiClientForm({ id, choices, onCreated, onCancel }: ApiClientFormProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [name, setName] = useState('');
  const [grant, setGrant] = useState<GrantDraft>(() => draftGrant(choices));
  const { pending, error, run } = useSubmission();
  const firstField = useRef<HTMLInputElement>(null);
  const fields = fieldMessages(error, 'body');

  useEffect(() => firstField.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      onCreated(await request<CreatedApiClient>('/api/api-clients', { method: 'POST', body: { name: name.trim(), ...toGrant(grant) } }));
    });
  }

  return (
    <form id={id} className="form card" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
      <h3 id={`${id}-title`}>{t('apiClients.form.title')}</h3>
      <Field id={`${id}-name`} label={t('apiClients.form.name')} hint={t('apiClients.form.nameHint')} error={fields.get('name')}>
        {(control) => (
          <input
            {...control}
            ref={firstField}
            name="name"
            autoComplete="off"
            required
            minLength={2}
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <GrantSelects
        idPrefix={`${id}-grant`}
        choices={choices}
        grant={grant}
        onChange={setGrant}
        messages={{ role: fields.get('role'), agencyId: fields.get('agencyId') }}
      />
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('apiClients.form.submitting') : t('apiClients.form.submit')}
        </button>
        <button type="button" className="button button--secondary" disabled={pending} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
