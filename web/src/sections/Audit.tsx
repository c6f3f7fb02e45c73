import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fieldMessages } from '../forms/fieldMessages';
import { PageHeading } from '../shell/PageHeading';
import { AuditResults } from './audit/AuditResults';
import { AuditSearchForm } from './audit/AuditSearchForm';
import { filtersFromSearch, searchFromFilters, type AuditFilters } from './audit/auditQuery';
import { ChainCheck } from './audit/ChainCheck';

/** The auditor's desk: search the tamper-evident trail, and prove it has not been tampered with. */
export default function Audit() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const search = searchFromFilters(filters).toString();
  // Searching again for the same thing is asking for what happened since.
  const [run, setRun] = useState(0);
  const [searchError, setSearchError] = useState<unknown>(null);

  function searchFor(next: AuditFilters) {
    setSearchParams(searchFromFilters(next));
    setRun((count) => count + 1);
  }

  return (
    <div className="stack">
      <PageHeading>{t('sections.audit.title')}</PageHeading>
      <p className="lead">{t('audit.intro')}</p>
      <ChainCheck />
      <AuditSearchForm
        search={search}
        initial={filters}
        onSearch={searchFor}
        serverMessages={fieldMessages(searchError, 'querystring')}
      />
      <AuditResults search={search} run={run} onError={setSearchError} />
    </div>
  );
}
