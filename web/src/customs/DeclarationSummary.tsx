import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../i18n/formats';
import { useMoney } from '../portal/money';
import { ChannelBadge } from './ChannelBadge';
import { shownState, useCustomsNames, usePlaceNames } from './names';
import type { DeclarationView, Party } from './types';

/** Rows of terms and details; a row without a detail is left out. */
export function Facts({ rows, className = '' }: { rows: [string, ReactNode][]; className?: string }) {
  return (
    <dl className={`facts ${className}`.trim()}>
      {rows.map(([term, detail]) => (
        <div key={term} className="facts__row">
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The declaration at a glance: what it is, where it stands, which channel, what is due. */
export function DeclarationSummary({ view }: { view: DeclarationView }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const money = useMoney();
  const names = useCustomsNames();
  const places = usePlaceNames();
  const rows: [string, ReactNode][] = [
    [t('customs.columns.reference'), <span key="reference" className="declaration-reference">{view.reference}</span>],
    [t('customs.declaration.localReference'), <bdi key="lrn">{view.localReference}</bdi>],
    [t('customs.columns.state'), names.state(shownState(view))],
    [t('customs.columns.channel'), <ChannelBadge key="channel" channel={view.channel} />],
    [t('customs.declaration.regime'), names.regime(view.declaration.regime)],
    [t('customs.columns.office'), places.office(view.declaration.officeCode)],
    [t('customs.declaration.version'), formats.number(view.version)],
    [t('customs.declaration.declaredOn'), formats.day(view.declaredOn)],
    [t('customs.columns.lodgedAt'), view.lodgedAt ? <time dateTime={view.lodgedAt}>{formats.dateTime(view.lodgedAt)}</time> : '—'],
    [t('customs.columns.totalDue'), view.totalDue === null ? '—' : money(view.totalDue, view.currency)],
  ];
  if (view.releasedAt) rows.push([t('customs.declaration.releasedAt'), <time dateTime={view.releasedAt}>{formats.dateTime(view.releasedAt)}</time>]);
  if (view.rejection) rows.push([t('customs.declaration.rejection'), <span dir="auto">{view.rejection.reason}</span>]);
  return <Facts rows={rows} className="card" />;
}

function PartyCard({ title, party }: { title: string; party: Party | undefined }) {
  const { t } = useTranslation();
  const places = usePlaceNames();
  return (
    <section className="stack">
      <h3>{title}</h3>
      {party ? (
        <Facts
          rows={[
            [t('customs.party.name'), <bdi key="name">{party.name}</bdi>],
            [t('customs.party.taxId'), <bdi key="taxId">{party.taxId}</bdi>],
            [t('customs.party.country'), places.country(party.country)],
          ]}
        />
      ) : (
        <p className="cell-note">{t('customs.party.none')}</p>
      )}
    </section>
  );
}

/** Who declares, imports and exports, and how the goods travel. */
export function PartiesAndTransport({ view }: { view: DeclarationView }) {
  const { t } = useTranslation();
  const names = useCustomsNames();
  const places = usePlaceNames();
  const { declaration } = view;
  const { transport } = declaration;
  return (
    <section className="card stack" aria-labelledby="declaration-parties">
      <h2 id="declaration-parties">{t('customs.declaration.partiesAndTransport')}</h2>
      <div className="parties">
        <PartyCard title={t('customs.party.declarant')} party={declaration.declarant} />
        <PartyCard title={t('customs.party.importer')} party={declaration.importer} />
        <PartyCard title={t('customs.party.exporter')} party={declaration.exporter} />
      </div>
      <h3>{t('customs.transport.title')}</h3>
      <Facts
        rows={[
          [t('customs.transport.mode'), names.mode(transport.mode)],
          [t('customs.transport.meansId'), transport.meansId ? <bdi key="means">{transport.meansId}</bdi> : '—'],
          [t('customs.transport.transportDocument'), transport.transportDocument ? <bdi key="document">{transport.transportDocument}</bdi> : '—'],
          [t('customs.transport.dispatchCountry'), places.country(transport.dispatchCountry)],
          [t('customs.transport.containers'), transport.containers.length ? <bdi key="containers">{transport.containers.join(', ')}</bdi> : '—'],
          [t('customs.declaration.invoiceCurrency'), declaration.invoiceCurrency],
        ]}
      />
    </section>
  );
}
