import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { useFormats, useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSignedInUser } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { canManageExchange, keyCounts } from './console';
import { FormToggle, useToggle } from './FormToggle';
import { MemberDetail } from './MemberDetail';
import { MemberForm } from './MemberForm';
import type { Member, MemberKey } from './types';

/** Who takes part in the exchange: agencies, outside systems, foreign single windows, with their keys. */
export function MembersPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const manager = canManageExchange(useSignedInUser());
  const members = useApiResource<{ items: Member[] }>('/api/exchange/members');
  const keys = useApiResource<{ items: MemberKey[] }>('/api/exchange/keys');
  const counts = useMemo(() => keyCounts(keys.data?.items ?? []), [keys.data]);
  const register = useToggle();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const selected = members.data?.items.find((member) => member.id === selectedId) ?? null;

  useEffect(() => {
    if (selectedId) detailHeading.current?.focus();
  }, [selectedId]);

  async function changed(message: string) {
    setAnnouncement(message);
    await Promise.all([members.reload(), keys.reload()]);
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('exchange.members.title')}</h2>
      <p>{t('exchange.members.intro')}</p>
      {manager ? <FormToggle toggle={register} label={t('exchange.members.register')} formId={`${ids}-form`} onFlip={() => setAnnouncement(null)} /> : null}
      {register.open ? (
        <MemberForm
          id={`${ids}-form`}
          onRegistered={(member) => {
            register.flip();
            setSelectedId(member.id);
            void changed(t('exchange.members.registered', { identifier: isolate(member.identifier) }));
          }}
          onCancel={register.close}
        />
      ) : null}
      <StatusMessage tone="success" message={announcement} />
      <ErrorAlert error={members.error ?? keys.error} />
      {members.data ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('exchange.members.caption', { total: members.data.items.length })}
          columns={[
            t('exchange.members.columns.identifier'),
            t('exchange.members.columns.name'),
            t('exchange.members.columns.kind'),
            t('exchange.members.columns.status'),
            t('exchange.members.columns.endpoint'),
            t('exchange.members.columns.keys'),
            t('common.actions'),
          ]}
          rowCount={members.data.items.length}
          emptyMessage={t('exchange.members.empty')}
          dense
        >
          {members.data.items.map((member) => {
            const count = counts.get(member.id) ?? { active: 0, total: 0 };
            return (
              <tr key={member.id}>
                <th scope="row">
                  <code dir="ltr">{member.identifier}</code>
                </th>
                <td>{member.names[language]}</td>
                <td>{t(`exchange.kind.${member.kind}`)}</td>
                <td>
                  <span className={member.status === 'active' ? 'status status--on' : 'status status--off'}>{t(`exchange.memberStatus.${member.status}`)}</span>
                </td>
                <td>{member.endpoint ? <code dir="ltr">{member.endpoint}</code> : t('exchange.members.servedHere')}</td>
                <td>{t('exchange.members.keyCount', { active: formats.number(count.active), total: formats.number(count.total) })}</td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('exchange.members.openNamed', { identifier: member.identifier })}
                    aria-expanded={selectedId === member.id}
                    aria-controls={`${ids}-detail`}
                    onClick={() => setSelectedId((current) => (current === member.id ? null : member.id))}
                  >
                    {t('exchange.members.open')}
                  </button>
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : members.loading ? (
        <Loading />
      ) : null}
      {selected ? (
        <MemberDetail
          id={`${ids}-detail`}
          headingRef={detailHeading}
          member={selected}
          keys={(keys.data?.items ?? []).filter((key) => key.memberId === selected.id)}
          manager={manager}
          onChanged={changed}
        />
      ) : null}
    </section>
  );
}
