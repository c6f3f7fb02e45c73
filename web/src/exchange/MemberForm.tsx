import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field';
import { useSubmission } from '../forms/useSubmission';
import { useLanguage } from '../i18n/formats';
import { useAgencies } from '../session/agencies';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { registryFieldMessages } from './console';
import { emptyLocalised, LocalisedFields, trimmedLocalised } from './LocalisedFields';
import { memberKinds, type Member, type MemberKind } from './types';

interface MemberFormProps {
  id: string;
  onRegistered(member: Member): void;
  onCancel(): void;
}

/**
 * Registers a member. An agency is a GOV member tied to its Guichet agency and answers here; an
 * outside system or a foreign single window answers at its own endpoint (docs/exchange.md).
 */
export function MemberForm({ id, onRegistered, onCancel }: MemberFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencies = useAgencies();
  const { request } = useSession();
  const [identifier, setIdentifier] = useState('');
  const [kind, setKind] = useState<MemberKind>('external_system');
  const [names, setNames] = useState(emptyLocalised);
  const [agencyCode, setAgencyCode] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const { pending, error, run } = useSubmission();
  const firstField = useRef<HTMLInputElement>(null);
  const fields = registryFieldMessages(error);

  useEffect(() => firstField.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = {
      identifier: identifier.trim(),
      kind,
      names: trimmedLocalised(names),
      ...(kind === 'agency' ? { agencyCode } : endpoint.trim() ? { endpoint: endpoint.trim() } : {}),
    };
    await run(async () => onRegistered(await request<Member>('/api/exchange/members', { method: 'POST', body })));
  }

  return (
    <form id={id} className="form card" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
      <h3 id={`${id}-title`}>{t('exchange.memberForm.title')}</h3>
      <Field id={`${id}-identifier`} label={t('exchange.memberForm.identifier')} hint={t('exchange.memberForm.identifierHint')} error={fields.get('identifier')}>
        {(control) => (
          <input
            {...control}
            ref={firstField}
            name="identifier"
            dir="ltr"
            required
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            value={identifier}
            onChange={(event) => setIdentifier(event.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-kind`} label={t('exchange.memberForm.kind')} error={fields.get('kind')}>
        {(control) => (
          <select {...control} name="kind" value={kind} onChange={(event) => setKind(event.target.value as MemberKind)}>
            {memberKinds.map((option) => (
              <option key={option} value={option}>
                {t(`exchange.kind.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LocalisedFields idPrefix={`${id}-names`} name="names" legend={t('exchange.memberForm.names')} value={names} onChange={setNames} messages={fields} />
      {kind === 'agency' ? (
        <Field id={`${id}-agency`} label={t('exchange.memberForm.agency')} error={fields.get('agencyCode')}>
          {(control) => (
            <select {...control} name="agencyCode" required value={agencyCode} onChange={(event) => setAgencyCode(event.target.value)}>
              <option value="">{t('exchange.memberForm.chooseAgency')}</option>
              {agencies.map((agency) => (
                <option key={agency.code} value={agency.code}>
                  {agency.names[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field id={`${id}-endpoint`} label={t('exchange.memberForm.endpoint')} hint={t('exchange.memberForm.endpointHint')} error={fields.get('endpoint')}>
          {(control) => (
            <input
              {...control}
              name="endpoint"
              type="url"
              dir="ltr"
              maxLength={500}
              autoComplete="off"
              spellCheck={false}
              value={endpoint}
              onChange={(event) => setEndpoint(event.target.value)}
            />
          )}
        </Field>
      )}
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('exchange.memberForm.submitting') : t('exchange.memberForm.submit')}
        </button>
        <button type="button" className="button button--secondary" disabled={pending} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
