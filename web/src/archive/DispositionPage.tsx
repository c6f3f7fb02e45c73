import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useApiResource } from '../api/useApiResource';
import { useFormats, useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { archiveAbilities, archiveApi } from './console';
import { useArchiveNames } from './names';
import { ProposalsToDecide } from './ProposalsToDecide';
import { ReasonForm } from './ReasonForm';
import { PackageHeaderCell } from './TableCells';
import type { DueItem, Proposal } from './types';

/** The server's lower bound on a proposal's reason (retention/http-schema.ts). */
const PROPOSAL_REASON_MIN = 3;

/**
 * The disposition review (docs/archive/retention.md): the archivist proposes packages whose period
 * has run out; the producing agency's authority approves (they are destroyed, a certificate is
 * issued) or refuses. Each sees their part.
 */
export function DispositionPage() {
  const { t } = useTranslation();
  const abilities = archiveAbilities(useSignedInUser());
  const ids = useId();
  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('archive.disposition.title')}</h2>
      <p>{t('archive.disposition.intro')}</p>
      {abilities.retention ? <DueForDisposition /> : null}
      {abilities.approve ? <ProposalsToDecide /> : null}
    </section>
  );
}

/** Packages past their schedule, chosen and proposed for destruction with one reason. */
function DueForDisposition() {
  const { t } = useTranslation();
  const formats = useFormats();
  const names = useArchiveNames();
  const { request } = useSession();
  const language = useLanguage();
  const due = useApiResource<{ items: DueItem[] }>(archiveApi.due);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const ids = useId();
  const items = due.data?.items;

  function toggle(identifier: string, on: boolean) {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(identifier);
      else next.delete(identifier);
      return next;
    });
  }

  async function propose(reason: string) {
    // Said here, in words, rather than as the schema's complaint about an empty list.
    if (chosen.size === 0) throw new ApiError(400, 'archive_nothing_chosen', t('archive.disposition.chooseFirst'), language);
    const proposal = await request<Proposal>(archiveApi.proposals, { method: 'POST', body: { packages: [...chosen], reason } });
    setChosen(new Set());
    setAnnouncement(t('archive.disposition.proposed', { count: formats.number(proposal.packages.length) }));
    await due.reload();
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`} aria-busy={due.loading}>
      <h3 id={`${ids}-heading`}>{t('archive.disposition.dueTitle')}</h3>
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={due.error} />
      {items ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('archive.disposition.dueCaption', { count: formats.number(items.length) })}
          columns={[t('archive.disposition.choose'), t('archive.columns.identifier'), t('archive.columns.title'), t('archive.columns.class'), t('archive.columns.dueOn'), t('archive.columns.standing')]}
          rowCount={items.length}
          emptyMessage={t('archive.disposition.noneDue')}
          dense
        >
          {items.map((item) => (
            <tr key={item.identifier}>
              <td>
                <input
                  type="checkbox"
                  id={`${ids}-${item.identifier}`}
                  aria-label={t('archive.disposition.chooseNamed', { identifier: item.identifier })}
                  checked={chosen.has(item.identifier)}
                  onChange={(event) => toggle(item.identifier, event.target.checked)}
                />
              </td>
              <PackageHeaderCell identifier={item.identifier} />
              <td dir="auto">{item.title}</td>
              <td>
                <span className="identifier" dir="ltr">
                  {item.retentionClass}
                </span>
                <span className="cell-note">{names.disposalAction(item.action)}</span>
              </td>
              <td>
                <time dateTime={item.dueOn}>{formats.day(item.dueOn)}</time>
              </td>
              <td>
                {/* A held package may still be chosen: the server refuses it and says why (the hold's reason). */}
                {item.onHold ? <span className="status archive-hold">{t('archive.holds.inForce')}</span> : null}
                {item.proposal ? <span className="status status--off">{t('archive.disposition.alreadyProposed')}</span> : null}
                {!item.onHold && !item.proposal ? '—' : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : due.loading ? (
        <Loading />
      ) : null}
      {items && items.length > 0 ? (
        <ReasonForm
          title={t('archive.disposition.proposeTitle')}
          reasonLabel={t('archive.disposition.reason')}
          reasonHint={t('archive.disposition.reasonHint', { count: formats.number(chosen.size) })}
          minLength={PROPOSAL_REASON_MIN}
          submitLabel={t('archive.disposition.propose')}
          level={4}
          onSubmit={propose}
        />
      ) : null}
      <p className="field__hint">{t('archive.disposition.authorityNote', { who: isolate(t('roles.agency_admin')) })}</p>
    </section>
  );
}
