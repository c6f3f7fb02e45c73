import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field';
import { useSubmission } from '../forms/useSubmission';
import { useLanguage } from '../i18n/formats';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import type { AccessRight, Member, Service } from './types';

interface GrantFormProps {
  services: readonly Service[];
  members: readonly Member[];
  onGranted(right: AccessRight): Promise<void>;
}

/** Lets a client member call one version of a service. A right granted to a member covers its subsystems. */
export function GrantForm({ services, members, onGranted }: GrantFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const [serviceId, setServiceId] = useState('');
  const [client, setClient] = useState('');
  const { pending, error, run } = useSubmission();
  const ids = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      await onGranted(await request<AccessRight>('/api/exchange/access-rights', { method: 'POST', body: { serviceId, client } }));
      setClient('');
    });
  }

  return (
    <form className="form card" aria-labelledby={`${ids}-title`} onSubmit={(event) => void submit(event)}>
      <h3 id={`${ids}-title`}>{t('exchange.rights.grantTitle')}</h3>
      <div className="filters">
        <Field id={`${ids}-service`} label={t('exchange.rights.service')}>
          {(control) => (
            <select {...control} name="serviceId" required value={serviceId} onChange={(event) => setServiceId(event.target.value)}>
              <option value="">{t('exchange.rights.chooseService')}</option>
              {services.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.provider} · {service.code} {service.version} — {service.title[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${ids}-client`} label={t('exchange.rights.client')}>
          {(control) => (
            <select {...control} name="client" required value={client} onChange={(event) => setClient(event.target.value)}>
              <option value="">{t('exchange.rights.chooseClient')}</option>
              {members.map((member) => (
                <option key={member.id} value={member.identifier}>
                  {member.identifier} — {member.names[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('exchange.rights.granting') : t('exchange.rights.grant')}
        </button>
      </div>
    </form>
  );
}
