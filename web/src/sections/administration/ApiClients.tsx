import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, CreatedApiClient } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { useFormats } from '../../i18n/formats';
import { isolate } from '../../i18n/languages';
import { useAgencies, useAssignmentLabel } from '../../session/agencies';
import { useSession, useSignedInUser } from '../../session/SessionContext';
import { ConfirmDialog } from '../../shell/ConfirmDialog';
import { DataTable } from '../../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../../shell/ErrorAlert';
import { Loading } from '../../shell/Loading';
import { ApiClientForm } from './ApiClientForm';
import { grantChoices } from './grantChoices';
import { NewApiKey } from './NewApiKey';

/** Machine clients (an agency's own system, the port community system) and their API keys. */
export function ApiClients() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const agencies = useAgencies();
  const { request } = useSession();
  const choices = useMemo(() => grantChoices(user, agencies), [user, agencies]);
  const clients = useApiResource<{ items: ApiClient[] }>('/api/api-clients');
  const [creating, setCreating] = useState(false);
  const [newKey, setNewKey] = useState<CreatedApiClient | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiClient | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const ids = useId();

  function created(client: CreatedApiClient) {
    setCreating(false);
    setNewKey(client);
    void clients.reload();
  }

  async function revoke(client: ApiClient) {
    setPending(true);
    setRevokeError(null);
    try {
      await request<void>(`/api/api-clients/${encodeURIComponent(client.id)}`, { method: 'DELETE' });
      await clients.reload();
      setRevoking(null);
      setAnnouncement(t('apiClients.revokedNotice', { name: isolate(client.name) }));
    } catch (failure) {
      setRevokeError(failure);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('apiClients.title')}
      </h2>
      <p>{t('apiClients.intro')}</p>
      <div className="toolbar">
        <button
          ref={createButton}
          type="button"
          className="button"
          aria-expanded={creating}
          aria-controls={`${ids}-form`}
          onClick={() => {
            setAnnouncement(null);
            setCreating((open) => !open);
          }}
        >
          {t('apiClients.create')}
        </button>
      </div>
      {newKey ? (
        <NewApiKey
          client={newKey}
          onDone={() => {
            // Forgotten here too: the key leaves the page's memory with the panel.
            setNewKey(null);
            createButton.current?.focus();
          }}
        />
      ) : null}
      {creating ? (
        <ApiClientForm
          id={`${ids}-form`}
          choices={choices}
          onCreated={created}
          onCancel={() => {
            setCreating(false);
            createButton.current?.focus();
          }}
        />
      ) : null}
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={clients.error} />
      {clients.data ? (
        <ApiClientTable captionId={`${ids}-caption`} clients={clients.data.items} onRevoke={setRevoking} />
      ) : clients.loading ? (
        <Loading />
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={t('apiClients.confirmTitle')}
          confirmLabel={t('apiClients.confirm')}
          pending={pending}
          error={revokeError}
          fallbackFocus={heading}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => {
            setRevoking(null);
            setRevokeError(null);
          }}
        >
          <p>{t('apiClients.confirmBody', { name: isolate(revoking.name), prefix: isolate(revoking.keyPrefix) })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

interface ApiClientTableProps {
  captionId: string;
  clients: readonly ApiClient[];
  onRevoke(client: ApiClient): void;
}

function ApiClientTable({ captionId, clients, onRevoke }: ApiClientTableProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const assignmentLabel = useAssignmentLabel();
  return (
    <DataTable
      captionId={captionId}
      caption={t('apiClients.caption', { total: clients.length })}
      columns={[
        t('apiClients.columns.name'),
        t('apiClients.columns.role'),
        t('apiClients.columns.prefix'),
        t('apiClients.columns.created'),
        t('apiClients.columns.status'),
        t('common.actions'),
      ]}
      rowCount={clients.length}
      emptyMessage={t('apiClients.empty')}
    >
      {clients.map((client) => (
        <tr key={client.id}>
          <th scope="row">{client.name}</th>
          <td>{assignmentLabel({ role: client.role, agencyId: client.agencyId, agencyCode: null })}</td>
          <td>
            <code dir="ltr">{client.keyPrefix}</code>
          </td>
          <td>
            <time dateTime={client.createdAt}>{formats.date(client.createdAt)}</time>
          </td>
          <td>
            {client.revokedAt ? (
              <span className="status status--off">
                {t('apiClients.status.revoked', { date: formats.date(client.revokedAt) })}
              </span>
            ) : (
              <span className="status status--on">{t('apiClients.status.active')}</span>
            )}
          </td>
          <td>
            {client.revokedAt ? null : (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('apiClients.revokeNamed', { name: client.name })}
                onClick={() => onRevoke(client)}
              >
                {t('apiClients.revoke')}
              </button>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
