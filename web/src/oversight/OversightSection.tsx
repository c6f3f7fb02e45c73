import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Field } from '../forms/Field';
import { useSignedInUser } from '../session/SessionContext';
import { PageHeading } from '../shell/PageHeading';
import { LicenceUsage, ProcedureTimes } from './AgencyCharts';
import { ClearanceTime, DeclarationsPerDay, RevenueByTax, RiskCriteria, SystemsShare } from './CustomsCharts';
import { filtersFromSearch, searchFromFilters, seesAgencies, seesCustoms, type DashboardFilters } from './figureQuery';
import './oversight.css';

/**
 * The oversight dashboards: customs figures for the customs administration and national roles,
 * licence usage and procedures for each ministry (its own agency only; the server decides).
 * The filters live in the address, so a dashboard can be bookmarked and shared.
 */
export default function OversightSection() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const applied = filtersFromSearch(searchParams);
  const [draft, setDraft] = useState<DashboardFilters>(applied);
  const id = useId();
  const customs = seesCustoms(user);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSearchParams(searchFromFilters(draft));
  }
  const set = (name: keyof DashboardFilters) => (event: { target: { value: string } }) => setDraft((previous) => ({ ...previous, [name]: event.target.value }));

  return (
    <div className="stack">
      <PageHeading>{t('sections.oversight.title')}</PageHeading>
      <p className="lead">{t('oversight.intro')}</p>
      <form className="form card" aria-labelledby={`${id}-filters`} onSubmit={submit}>
        <h2 id={`${id}-filters`}>{t('oversight.filters.title')}</h2>
        <div className="filters">
          <Field id={`${id}-from`} label={t('oversight.filters.from')} hint={t('oversight.filters.periodHint')}>
            {(control) => <input {...control} type="date" name="from" value={draft.from} onChange={set('from')} />}
          </Field>
          <Field id={`${id}-to`} label={t('oversight.filters.to')}>
            {(control) => <input {...control} type="date" name="to" value={draft.to} onChange={set('to')} />}
          </Field>
          {customs ? (
            <Field id={`${id}-office`} label={t('oversight.filters.office')} hint={t('oversight.filters.officeHint')}>
              {(control) => <input {...control} name="officeCode" dir="ltr" autoComplete="off" value={draft.officeCode} onChange={(event) => setDraft((previous) => ({ ...previous, officeCode: event.target.value.toUpperCase() }))} />}
            </Field>
          ) : null}
          <Field id={`${id}-agency`} label={t('oversight.filters.agency')} hint={t('oversight.filters.agencyHint')}>
            {(control) => <input {...control} name="agency" dir="ltr" autoComplete="off" value={draft.agency} onChange={(event) => setDraft((previous) => ({ ...previous, agency: event.target.value.toUpperCase() }))} />}
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('oversight.filters.apply')}
          </button>
        </div>
      </form>
      {customs ? (
        <>
          <DeclarationsPerDay filters={applied} />
          <ClearanceTime filters={applied} />
          <RevenueByTax filters={applied} />
          <SystemsShare filters={applied} />
          <RiskCriteria filters={applied} />
        </>
      ) : null}
      {seesAgencies(user) ? (
        <>
          <LicenceUsage filters={applied} />
          <ProcedureTimes filters={applied} />
        </>
      ) : null}
    </div>
  );
}
