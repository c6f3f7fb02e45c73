import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSignedInUser } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { canManageExchange } from './console';
import { FormToggle, useToggle } from './FormToggle';
import { ServiceForm } from './ServiceForm';
import type { Member, Service } from './types';

/** The services members offer, one row per version, with their contracts and who may call them. */
export function ServicesPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const manager = canManageExchange(useSignedInUser());
  const services = useApiResource<{ items: Service[] }>('/api/exchange/services');
  const members = useApiResource<{ items: Member[] }>('/api/exchange/members');
  const register = useToggle();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const ids = useId();

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('exchange.services.title')}</h2>
      <p>{t('exchange.services.intro')}</p>
      {manager ? <FormToggle toggle={register} label={t('exchange.services.register')} formId={`${ids}-form`} onFlip={() => setAnnouncement(null)} /> : null}
      {register.open ? (
        <ServiceForm
          id={`${ids}-form`}
          members={members.data?.items ?? []}
          onRegistered={(service) => {
            register.close();
            setAnnouncement(t('exchange.services.registered', { code: isolate(service.code), version: isolate(service.version), provider: isolate(service.provider) }));
            void services.reload();
          }}
          onCancel={register.close}
        />
      ) : null}
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={services.error ?? members.error} />
      {services.data ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('exchange.services.caption', { total: services.data.items.length })}
          columns={[
            t('exchange.services.columns.service'),
            t('exchange.services.columns.title'),
            t('exchange.services.columns.provider'),
            t('exchange.services.columns.clients'),
            t('exchange.services.columns.contract'),
          ]}
          rowCount={services.data.items.length}
          emptyMessage={t('exchange.services.empty')}
          dense
        >
          {services.data.items.map((service) => (
            <tr key={service.id}>
              <th scope="row">
                <code dir="ltr">
                  {service.code} {service.version}
                </code>
              </th>
              <td>{service.title[language]}</td>
              <td>
                <code dir="ltr">{service.provider}</code>
              </td>
              <td>
                {service.clients.length > 0 ? (
                  <ul className="cell-list">
                    {service.clients.map((client) => (
                      <li key={client}>
                        <code dir="ltr">{client}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('exchange.services.noClients')
                )}
              </td>
              <td>
                <details>
                  <summary>{t('exchange.services.schemas')}</summary>
                  <p className="cell-note">{t('exchange.services.requestSchema')}</p>
                  <pre className="schema-view" dir="ltr">
                    {JSON.stringify(service.requestSchema, null, 2)}
                  </pre>
                  <p className="cell-note">{t('exchange.services.responseSchema')}</p>
                  <pre className="schema-view" dir="ltr">
                    {JSON.stringify(service.responseSchema, null, 2)}
                  </pre>
                </details>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : services.loading ? (
        <Loading />
      ) : null}
    </section>
  );
}
