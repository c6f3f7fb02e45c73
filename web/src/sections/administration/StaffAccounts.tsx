import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffAccount } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { useLanguage } from '../../i18n/formats';
import { isolate } from '../../i18n/languages';
import { useAgencies, useAssignmentLabel } from '../../session/agencies';
import { useSession, useSignedInUser } from '../../session/SessionContext';
import { ConfirmDialog } from '../../shell/ConfirmDialog';
import { DataTable } from '../../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../../shell/ErrorAlert';
import { Loading } from '../../shell/Loading';
import { StaffAccountForm } from './StaffAccountForm';
import { grantChoices, isNationalAdministrator } from './grantChoices';

/** Staff accounts within the administrator's agencies: who they are, what they hold, and off-boarding. */
export function StaffAccounts() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const agencies = useAgencies();
  const language = useLanguage();
  const { request } = useSession();
  const choices = useMemo(() => grantChoices(user, agencies), [user, agencies]);
  const [agencyFilter, setAgencyFilter] = useState('');
  const accounts = useApiResource<{ items: StaffAccount[] }>(
    agencyFilter ? `/api/users?agencyId=${encodeURIComponent(agencyFilter)}` : '/api/users',
  );
  const [creating, setCreating] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [disabling, setDisabling] = useState<StaffAccount | null>(null);
  const [disableError, setDisableError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const ids = useId();

  async function created(displayName: string) {
    setCreating(false);
    createButton.current?.focus();
    await accounts.reload();
    setAnnouncement(t('staff.created', { name: isolate(displayName) }));
  }

  async function disable(account: StaffAccount) {
    setPending(true);
    setDisableError(null);
    try {
      await request<void>(`/api/users/${encodeURIComponent(account.id)}/disable`, { method: 'POST' });
      await accounts.reload();
      setDisabling(null);
      setAnnouncement(t('staff.disabledNotice', { name: isolate(account.displayName) }));
    } catch (failure) {
      setDisableError(failure);
    } finally {
      setPending(false);
    }
  }

  // Only an administrator of several agencies has an agency to narrow the list to.
  const filterAgencies = isNationalAdministrator(user) ? agencies : choices.agencies;

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('staff.title')}
      </h2>
      <div className="toolbar">
        {filterAgencies.length > 1 ? (
          <div className="field toolbar__filter">
            <label htmlFor={`${ids}-filter`}>{t('staff.filter')}</label>
            <select id={`${ids}-filter`} value={agencyFilter} onChange={(event) => setAgencyFilter(event.target.value)}>
              <option value="">{t('staff.allAgencies')}</option>
              {filterAgencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.names[language]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
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
          {t('staff.create')}
        </button>
      </div>
      {creating ? (
        <StaffAccountForm
          id={`${ids}-form`}
          choices={choices}
          onCreated={(name) => void created(name)}
          onCancel={() => {
            setCreating(false);
            createButton.current?.focus();
          }}
        />
      ) : null}
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={accounts.error} />
      {accounts.data ? (
        <StaffTable captionId={`${ids}-caption`} accounts={accounts.data.items} selfId={user.id} onDisable={setDisabling} />
      ) : accounts.loading ? (
        <Loading />
      ) : null}
      {disabling ? (
        <ConfirmDialog
          title={t('staff.confirmTitle')}
          confirmLabel={t('staff.confirm')}
          pending={pending}
          error={disableError}
          fallbackFocus={heading}
          onConfirm={() => void disable(disabling)}
          onCancel={() => {
            setDisabling(null);
            setDisableError(null);
          }}
        >
          <p>{t('staff.confirmBody', { name: isolate(disabling.displayName), email: isolate(disabling.email) })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

interface StaffTableProps {
  captionId: string;
  accounts: readonly StaffAccount[];
  selfId: string;
  onDisable(account: StaffAccount): void;
}

function StaffTable({ captionId, accounts, selfId, onDisable }: StaffTableProps) {
  const { t } = useTranslation();
  const assignmentLabel = useAssignmentLabel();
  return (
    <DataTable
      captionId={captionId}
      caption={t('staff.caption', { total: accounts.length })}
      columns={[
        t('staff.columns.name'),
        t('staff.columns.email'),
        t('staff.columns.roles'),
        t('staff.columns.status'),
        t('common.actions'),
      ]}
      rowCount={accounts.length}
      emptyMessage={t('staff.empty')}
    >
      {accounts.map((account) => (
        <tr key={account.id}>
          <th scope="row">{account.displayName}</th>
          <td>
            <span dir="ltr">{account.email}</span>
          </td>
          <td>
            <ul className="cell-list">
              {account.grants.map((grant) => (
                <li key={`${grant.role}:${grant.agencyId ?? ''}`}>{assignmentLabel({ ...grant, agencyCode: null })}</li>
              ))}
            </ul>
          </td>
          <td>
            <span className={account.disabled ? 'status status--off' : 'status status--on'}>
              {account.disabled ? t('staff.status.disabled') : t('staff.status.active')}
            </span>
          </td>
          <td>
            {/* Disabling oneself would lock the agency out of its own administration. */}
            {account.disabled || account.id === selfId ? null : (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('staff.disableNamed', { name: account.displayName })}
                onClick={() => onDisable(account)}
              >
                {t('staff.disable')}
              </button>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
