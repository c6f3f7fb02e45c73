import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { useSubmission } from '../forms/useSubmission';
import { useFormats } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { canManageExchange } from './console';
import { GrantForm } from './GrantForm';
import type { AccessRight, Member, Service } from './types';

const rightsPath = '/api/exchange/access-rights';

/** Which client may call which service version: granted one version at a time, never implied. */
export function AccessRightsPanel() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { request } = useSession();
  const manager = canManageExchange(useSignedInUser());
  const rights = useApiResource<{ items: AccessRight[] }>(rightsPath);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<AccessRight | null>(null);
  const withdrawal = useSubmission();
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const nameOf = (right: AccessRight) => ({ client: isolate(right.client), code: isolate(right.serviceCode), version: isolate(right.version), provider: isolate(right.provider) });

  function withdraw(right: AccessRight) {
    void withdrawal.run(async () => {
      await request<void>(`${rightsPath}?${new URLSearchParams({ serviceId: right.serviceId, client: right.client }).toString()}`, { method: 'DELETE' });
      setWithdrawing(null);
      setAnnouncement(t('exchange.rights.withdrawn', nameOf(right)));
      await rights.reload();
    });
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('exchange.rights.title')}
      </h2>
      <p>{t('exchange.rights.intro')}</p>
      {manager ? (
        <GrantFormLoader
          onGranted={async (right) => {
            setAnnouncement(t('exchange.rights.granted', nameOf(right)));
            await rights.reload();
          }}
        />
      ) : null}
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={rights.error} />
      {rights.data ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('exchange.rights.caption', { total: rights.data.items.length })}
          columns={[
            t('exchange.rights.columns.client'),
            t('exchange.rights.columns.service'),
            t('exchange.rights.columns.provider'),
            t('exchange.rights.columns.granted'),
            ...(manager ? [t('common.actions')] : []),
          ]}
          rowCount={rights.data.items.length}
          emptyMessage={t('exchange.rights.empty')}
          dense
        >
          {rights.data.items.map((right) => (
            <tr key={`${right.serviceId} ${right.client}`}>
              <th scope="row">
                <code dir="ltr">{right.client}</code>
              </th>
              <td>
                <code dir="ltr">
                  {right.serviceCode} {right.version}
                </code>
              </td>
              <td>
                <code dir="ltr">{right.provider}</code>
              </td>
              <td>
                <time dateTime={right.grantedAt}>{formats.date(right.grantedAt)}</time>
                <span className="cell-note" dir="auto">
                  {right.grantedBy}
                </span>
              </td>
              {manager ? (
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('exchange.rights.withdrawNamed', { client: right.client, code: right.serviceCode, version: right.version })}
                    onClick={() => setWithdrawing(right)}
                  >
                    {t('exchange.rights.withdraw')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : rights.loading ? (
        <Loading />
      ) : null}
      {withdrawing ? (
        <ConfirmDialog
          title={t('exchange.rights.withdrawTitle')}
          confirmLabel={t('exchange.rights.withdraw')}
          pending={withdrawal.pending}
          error={withdrawal.error}
          fallbackFocus={heading}
          onConfirm={() => withdraw(withdrawing)}
          onCancel={() => {
            setWithdrawing(null);
            withdrawal.setError(null);
          }}
        >
          <p>{t('exchange.rights.withdrawBody', nameOf(withdrawing))}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** The grant form needs the services and the members to choose from: read only by those who may grant. */
function GrantFormLoader({ onGranted }: { onGranted(right: AccessRight): Promise<void> }) {
  const services = useApiResource<{ items: Service[] }>('/api/exchange/services');
  const members = useApiResource<{ items: Member[] }>('/api/exchange/members');
  if (services.error || members.error) return <ErrorAlert error={services.error ?? members.error} />;
  if (!services.data || !members.data) return <Loading />;
  return <GrantForm services={services.data.items} members={members.data.items} onGranted={onGranted} />;
}
