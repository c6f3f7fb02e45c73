import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource, type ApiResource } from '../api/useApiResource';
import { Field } from '../forms/Field';
import { fieldMessages } from '../forms/fieldMessages';
import { useSubmission } from '../forms/useSubmission';
import { useFormats } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { CertificateLinks } from './CertificateLinks';
import { archiveApi } from './console';
import type { Proposal } from './types';

/** The server's lower bound on a decision's reason (retention/http-schema.ts). */
const DECISION_REASON_MIN = 3;

/**
 * The disposal authority's part: the proposals naming its agency's packages, each approved (the
 * packages are destroyed for good, and a signed certificate issued to the approver) or refused;
 * then the approved ones with their certificates.
 */
export function ProposalsToDecide() {
  const { t } = useTranslation();
  const open = useApiResource<{ items: Proposal[] }>(archiveApi.proposals);
  const approved = useApiResource<{ items: Proposal[] }>(`${archiveApi.proposals}?state=approved`);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const ids = useId();

  async function decided(message: string) {
    setAnnouncement(message);
    await Promise.all([open.reload(), approved.reload()]);
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('archive.proposals.title')}</h3>
      <p>{t('archive.proposals.intro')}</p>
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={open.error} />
      {open.data ? (
        open.data.items.length === 0 ? (
          <p className="empty-state">{t('archive.proposals.none')}</p>
        ) : (
          <ul className="archive-cards">
            {open.data.items.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} onDecided={decided} />
            ))}
          </ul>
        )
      ) : open.loading ? (
        <Loading />
      ) : null}
      <ApprovedProposals resource={approved} />
    </section>
  );
}

function ProposalCard({ proposal, onDecided }: { proposal: Proposal; onDecided(message: string): Promise<void> }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { request } = useSession();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { pending, error, run } = useSubmission();
  const ids = useId();

  function decide(decision: 'approve' | 'refuse') {
    void run(async () => {
      const decided = await request<Proposal>(archiveApi.decision(proposal.id), { method: 'POST', body: { decision, reason: reason.trim() } });
      setConfirming(false);
      await onDecided(
        decided.state === 'approved'
          ? t('archive.proposals.approved', { count: formats.number(decided.packages.length), number: decided.certificate?.number ?? '' })
          : t('archive.proposals.refused'),
      );
    });
  }

  /** The reason first: the browser says what is missing before the dialog opens. */
  function check(then: () => void) {
    const field = document.getElementById(`${ids}-reason`) as HTMLTextAreaElement | null;
    if (field && !field.reportValidity()) return;
    then();
  }

  return (
    <li className="card stack" aria-labelledby={`${ids}-title`}>
      <h4 id={`${ids}-title`}>{t('archive.proposals.cardTitle', { count: formats.number(proposal.packages.length), date: formats.date(proposal.proposedAt) })}</h4>
      <p>
        {t('archive.proposals.by', { by: isolate(proposal.proposedBy) })} <q dir="auto">{proposal.reason}</q>
      </p>
      <ul className="plain-list archive-identifiers" aria-label={t('archive.proposals.packages')}>
        {proposal.packages.map((identifier) => (
          <li key={identifier} className="identifier" dir="ltr">
            {identifier}
          </li>
        ))}
      </ul>
      <form className="form" aria-labelledby={`${ids}-title`} onSubmit={(event) => event.preventDefault()}>
        <Field id={`${ids}-reason`} label={t('archive.proposals.reason')} error={fieldMessages(error, 'body').get('reason')}>
          {(control) => (
            <textarea {...control} name="reason" dir="auto" rows={2} required minLength={DECISION_REASON_MIN} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />
          )}
        </Field>
        {confirming ? null : <ErrorAlert error={error} />}
        <div className="actions">
          <button type="button" className="button button--danger" disabled={pending} onClick={() => check(() => setConfirming(true))}>
            {t('archive.proposals.approve')}
          </button>
          <button type="button" className="button button--secondary" disabled={pending} onClick={() => check(() => decide('refuse'))}>
            {t('archive.proposals.refuse')}
          </button>
        </div>
      </form>
      {confirming ? (
        <ConfirmDialog
          title={t('archive.proposals.confirmTitle', { count: formats.number(proposal.packages.length) })}
          confirmLabel={t('archive.proposals.confirm')}
          pending={pending}
          error={error}
          onConfirm={() => decide('approve')}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('archive.proposals.confirmBody')}</p>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}

function ApprovedProposals({ resource }: { resource: ApiResource<{ items: Proposal[] }> }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const ids = useId();
  const items = resource.data?.items;
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h4 id={`${ids}-heading`}>{t('archive.proposals.approvedTitle')}</h4>
      <ErrorAlert error={resource.error} />
      {items ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('archive.proposals.approvedCaption')}
          columns={[t('archive.columns.decidedAt'), t('archive.proposals.packages'), t('archive.columns.reason'), t('archive.columns.certificate')]}
          rowCount={items.length}
          emptyMessage={t('archive.proposals.noneApproved')}
          dense
        >
          {items.map((proposal) => (
            <tr key={proposal.id}>
              <th scope="row">{proposal.decidedAt ? <time dateTime={proposal.decidedAt}>{formats.dateTime(proposal.decidedAt)}</time> : '—'}</th>
              <td>
                <span className="identifier" dir="ltr">
                  {proposal.packages.join(', ')}
                </span>
              </td>
              <td dir="auto">{proposal.decisionReason}</td>
              <td>{proposal.certificate ? <CertificateLinks certificate={proposal.certificate} /> : '—'}</td>
            </tr>
          ))}
        </DataTable>
      ) : resource.loading ? (
        <Loading />
      ) : null}
    </section>
  );
}
