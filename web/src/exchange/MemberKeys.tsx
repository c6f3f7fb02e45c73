import { useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field';
import { useSubmission } from '../forms/useSubmission';
import { useFormats } from '../i18n/formats';
import { currentLanguage, isolate } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { DataTable } from '../shell/DataTable';
import { memberPath } from './console';
import type { Member, MemberKey } from './types';

interface MemberKeysProps {
  member: Member;
  keys: readonly MemberKey[];
  manager: boolean;
  onChanged(message: string): Promise<void>;
}

type Ending = { key: MemberKey; revoke: boolean };

/**
 * A member's keys, with their history. Retiring stops a key signing anything new but keeps what it
 * signed verifiable; revoking (a compromise) withdraws all trust in it, for a reason kept on record.
 */
export function MemberKeys({ member, keys, manager, onChanged }: MemberKeysProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const [ending, setEnding] = useState<Ending | null>(null);
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const shortKid = (kid: string) => `${kid.slice(0, 12)}…`;

  return (
    <div className="stack">
      <h4 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('exchange.keys.title')}
      </h4>
      <DataTable
        captionId={`${ids}-caption`}
        caption={t('exchange.keys.caption', { identifier: isolate(member.identifier) })}
        columns={[t('exchange.keys.columns.kid'), t('exchange.keys.columns.status'), t('exchange.keys.columns.added'), t('exchange.keys.columns.ended'), ...(manager ? [t('common.actions')] : [])]}
        rowCount={keys.length}
        emptyMessage={t('exchange.keys.none')}
        dense
      >
        {keys.map((key) => {
          const ended = key.revokedAt ?? key.retiredAt;
          return (
            <tr key={key.kid}>
              <th scope="row" className="identifier" dir="ltr" title={key.kid}>
                {shortKid(key.kid)}
              </th>
              <td>
                <span className={key.status === 'active' ? 'status status--on' : key.status === 'revoked' ? 'status status--refused' : 'status status--off'}>{t(`exchange.keyStatus.${key.status}`)}</span>
              </td>
              <td>
                <time dateTime={key.createdAt}>{formats.date(key.createdAt)}</time>
              </td>
              <td>
                {ended ? <time dateTime={ended}>{formats.date(ended)}</time> : '—'}
                {key.revocationReason ? (
                  <span className="cell-note" dir="auto">
                    {key.revocationReason}
                  </span>
                ) : null}
              </td>
              {manager ? (
                <td>
                  <div className="actions">
                    {key.status === 'active' ? (
                      <button type="button" className="button button--secondary button--small" aria-label={t('exchange.keys.retireNamed', { kid: shortKid(key.kid) })} onClick={() => setEnding({ key, revoke: false })}>
                        {t('exchange.keys.retire')}
                      </button>
                    ) : null}
                    {key.status !== 'revoked' ? (
                      <button type="button" className="button button--secondary button--small" aria-label={t('exchange.keys.revokeNamed', { kid: shortKid(key.kid) })} onClick={() => setEnding({ key, revoke: true })}>
                        {t('exchange.keys.revoke')}
                      </button>
                    ) : null}
                  </div>
                </td>
              ) : null}
            </tr>
          );
        })}
      </DataTable>
      {ending ? (
        <EndKeyDialog
          member={member}
          ending={ending}
          shortKid={shortKid(ending.key.kid)}
          fallbackFocus={heading}
          onCancel={() => setEnding(null)}
          onEnded={async (message) => {
            setEnding(null);
            await onChanged(message);
          }}
        />
      ) : null}
    </div>
  );
}

interface EndKeyDialogProps {
  member: Member;
  ending: Ending;
  shortKid: string;
  fallbackFocus: RefObject<HTMLElement | null>;
  onCancel(): void;
  onEnded(message: string): Promise<void>;
}

function EndKeyDialog({ member, ending, shortKid, fallbackFocus, onCancel, onEnded }: EndKeyDialogProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const { pending, error, run } = useSubmission();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const ids = useId();
  const verb = ending.revoke ? 'revoke' : 'retire';
  const done = ending.revoke ? 'revoked' : 'retired';

  function confirm() {
    if (ending.revoke && reason.trim().length < 3) {
      setReasonMissing(true);
      document.getElementById(`${ids}-reason`)?.focus();
      return;
    }
    void run(async () => {
      await request<MemberKey>(`${memberPath(member.id)}/keys/${encodeURIComponent(ending.key.kid)}/${verb}`, {
        method: 'POST',
        ...(ending.revoke ? { body: { reason: reason.trim() } } : {}),
      });
      await onEnded(t(`exchange.keys.${done}`, { kid: shortKid }));
    });
  }

  return (
    <ConfirmDialog
      title={t(`exchange.keys.${verb}Title`, { kid: shortKid })}
      confirmLabel={t(`exchange.keys.${verb}`)}
      pending={pending}
      error={error}
      fallbackFocus={fallbackFocus}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <p>{t(`exchange.keys.${verb}Body`, { identifier: isolate(member.identifier) })}</p>
      {ending.revoke ? (
        <Field id={`${ids}-reason`} label={t('exchange.keys.reason')} error={reasonMissing ? { text: t('exchange.keys.reasonMissing'), language: currentLanguage() } : undefined}>
          {(control) => <textarea {...control} name="reason" dir="auto" rows={3} required minLength={3} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
      ) : null}
    </ConfirmDialog>
  );
}
