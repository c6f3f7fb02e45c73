import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmission } from '../forms/useSubmission';
import { useFormats, useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { ErrorAlert } from '../shell/ErrorAlert';
import { memberPath } from './console';
import { KeyForm } from './KeyForm';
import { MemberKeys } from './MemberKeys';
import type { Member, MemberKey } from './types';

interface MemberDetailProps {
  id: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  member: Member;
  keys: readonly MemberKey[];
  manager: boolean;
  /** After a change: says what changed, and reloads the members and keys. */
  onChanged(message: string): Promise<void>;
}

/** One member: what it is, whether it may exchange, and its keys. */
export function MemberDetail({ id, headingRef, member, keys, manager, onChanged }: MemberDetailProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const { request } = useSession();
  const [confirmingSuspension, setConfirmingSuspension] = useState(false);
  const { pending, error, setError, run } = useSubmission();
  const name = isolate(member.identifier);

  const setStatus = (status: Member['status']) =>
    run(async () => {
      await request<Member>(memberPath(member.id), { method: 'PATCH', body: { status } });
      setConfirmingSuspension(false);
      await onChanged(t(status === 'active' ? 'exchange.member.reactivated' : 'exchange.member.suspended', { identifier: name }));
    });

  return (
    <section id={id} className="stack card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        <code dir="ltr">{member.identifier}</code> — {member.names[language]}
      </h3>
      <dl className="facts">
        <dt>{t('exchange.members.columns.kind')}</dt>
        <dd>{t(`exchange.kind.${member.kind}`)}</dd>
        <dt>{t('exchange.members.columns.status')}</dt>
        <dd>{t(`exchange.memberStatus.${member.status}`)}</dd>
        <dt>{t('exchange.members.columns.endpoint')}</dt>
        <dd>{member.endpoint ? <code dir="ltr">{member.endpoint}</code> : t('exchange.members.servedHere')}</dd>
        <dt>{t('exchange.member.registeredOn')}</dt>
        <dd>
          <time dateTime={member.createdAt}>{formats.date(member.createdAt)}</time>
        </dd>
      </dl>
      {manager ? (
        <div className="actions">
          {member.status === 'active' ? (
            <button type="button" className="button button--secondary" onClick={() => setConfirmingSuspension(true)}>
              {t('exchange.member.suspend')}
            </button>
          ) : (
            <button type="button" className="button button--secondary" disabled={pending} onClick={() => void setStatus('active')}>
              {t('exchange.member.reactivate')}
            </button>
          )}
        </div>
      ) : null}
      {confirmingSuspension ? null : <ErrorAlert error={error} />}
      <MemberKeys member={member} keys={keys} manager={manager} onChanged={onChanged} />
      {manager ? <KeyForm idPrefix={`${id}-key`} member={member} onAdded={onChanged} /> : null}
      {confirmingSuspension ? (
        <ConfirmDialog
          title={t('exchange.member.suspendTitle', { identifier: name })}
          confirmLabel={t('exchange.member.suspend')}
          pending={pending}
          error={error}
          fallbackFocus={headingRef}
          onConfirm={() => void setStatus('suspended')}
          onCancel={() => {
            setConfirmingSuspension(false);
            setError(null);
          }}
        >
          <p>{t('exchange.member.suspendBody', { identifier: name })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
