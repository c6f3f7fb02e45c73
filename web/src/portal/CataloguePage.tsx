import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import { useFormats, useLanguage } from '../i18n/formats';
import { useAgencies } from '../session/agencies';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { cataloguePath, portalPaths, type ProcedureSummary } from './definition';
import { useMoney } from './money';

/**
 * The services online, searchable in French, Arabic and English whatever the interface language
 * (the server searches all three). The search lives in the address, so a result can be shared.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencies = useAgencies();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const agency = params.get('agency') ?? '';
  const [typed, setTyped] = useState(q);
  const formats = useFormats();
  const catalogue = useApiResource<{ items: ProcedureSummary[] }>(cataloguePath({ q, agency }));

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const text = String(form.get('q') ?? '').trim();
    const chosen = String(form.get('agency') ?? '');
    if (text) next.set('q', text);
    if (chosen) next.set('agency', chosen);
    setParams(next);
  }

  const items = catalogue.data?.items ?? [];
  return (
    <div className="stack">
      <PageHeading>{t('portal.catalogue.title')}</PageHeading>
      <p className="lead">{t('portal.catalogue.intro')}</p>
      <form role="search" aria-label={t('portal.catalogue.searchLabel')} className="filters portal-search" onSubmit={search}>
        <div className="field">
          <label htmlFor="catalogue-q">{t('portal.catalogue.query')}</label>
          <input id="catalogue-q" name="q" type="search" value={typed} onChange={(event) => setTyped(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="catalogue-agency">{t('portal.catalogue.agency')}</label>
          <select id="catalogue-agency" name="agency" defaultValue={agency} key={agency}>
            <option value="">{t('portal.catalogue.allAgencies')}</option>
            {agencies.map((candidate) => (
              <option key={candidate.code} value={candidate.code}>
                {candidate.names[language]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('portal.catalogue.search')}
        </button>
      </form>
      <ErrorAlert error={catalogue.error} />
      {catalogue.loading && !catalogue.data ? <Loading /> : null}
      <p role="status" className="portal-count">
        {catalogue.data ? t('portal.catalogue.count', { number: formats.number(items.length) }) : ''}
      </p>
      <ul className="tiles">
        {items.map((item) => (
          <ServiceTile key={item.id} item={item} />
        ))}
      </ul>
    </div>
  );
}

function ServiceTile({ item }: { item: ProcedureSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencies = useAgencies();
  const formats = useFormats();
  const money = useMoney();
  const agencyName = agencies.find((candidate) => candidate.code === item.agency)?.names[language] ?? item.agency;
  return (
    <li className="tile">
      <h2 className="portal-tile__title">
        <Link className="tile__link" to={portalPaths.service(item.id)}>
          {item.title[language]}
        </Link>
      </h2>
      <p>{agencyName}</p>
      <p>{item.description[language]}</p>
      <dl className="portal-facts">
        <div>
          <dt>{t('portal.catalogue.fixedFee')}</dt>
          <dd>{money(item.fixedFee, item.currency)}</dd>
        </div>
        {item.expectedWorkingDays !== null ? (
          <div>
            <dt>{t('portal.service.delay')}</dt>
            <dd>{formats.number(item.expectedWorkingDays)}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
