import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiResource } from '../../api/useApiResource';
import { useFormats, useLanguage } from '../../i18n/formats';
import { cataloguePath, type ProcedureSummary } from '../../portal/definition';
import { useAgencies } from '../../session/agencies';
import { DataTable } from '../../shell/DataTable';
import { ErrorAlert } from '../../shell/ErrorAlert';
import { Loading } from '../../shell/Loading';
import { ProcedureDetail } from './ProcedureDetail';
import './procedures.css';

/** The query parameter naming the procedure open in the panel, so the panel can be linked to. */
const openParameter = 'procedure';

/**
 * The catalogue as its administrators see it: every procedure with its current version, and, for
 * the one opened, its summary, its downloads and the publication of a new version. Its own chunk:
 * the YAML reader comes with it, and only administrators download it.
 */
export default function Procedures() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get(openParameter);
  const [agency, setAgency] = useState('');
  const procedures = useApiResource<{ items: ProcedureSummary[] }>(cataloguePath({ q: '', agency }));
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  function close() {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(openParameter);
        return next;
      },
      { preventScrollReset: true },
    );
    heading.current?.focus();
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('procedures.title')}
      </h2>
      <p>{t('procedures.intro')}</p>
      {openId ? (
        <ProcedureDetail
          key={openId}
          procedureId={openId}
          currency={procedures.data?.items.find((item) => item.id === openId)?.currency}
          onClose={close}
          onPublished={() => void procedures.reload()}
        />
      ) : (
        <>
          <AgencyFilter id={`${ids}-agency`} value={agency} onChange={setAgency} />
          <ErrorAlert error={procedures.error} />
          {procedures.data ? (
            <ProcedureTable captionId={`${ids}-caption`} procedures={procedures.data.items} />
          ) : procedures.loading ? (
            <Loading />
          ) : null}
        </>
      )}
    </section>
  );
}

function AgencyFilter({ id, value, onChange }: { id: string; value: string; onChange(agency: string): void }) {
  const { t } = useTranslation();
  const agencies = useAgencies();
  const language = useLanguage();
  return (
    <div className="toolbar">
      <div className="field toolbar__filter">
        <label htmlFor={id}>{t('procedures.filter')}</label>
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('procedures.allAgencies')}</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.code}>
              {agency.names[language]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function ProcedureTable({ captionId, procedures }: { captionId: string; procedures: readonly ProcedureSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const agencies = useAgencies();
  const agencyName = (code: string) => agencies.find((agency) => agency.code === code)?.names[language] ?? code;
  return (
    <DataTable
      captionId={captionId}
      caption={t('procedures.caption', { total: procedures.length })}
      columns={[t('procedures.columns.title'), t('procedures.columns.agency'), t('procedures.columns.version'), t('common.actions')]}
      rowCount={procedures.length}
      emptyMessage={t('procedures.empty')}
    >
      {procedures.map((procedure) => (
        <tr key={procedure.id}>
          <th scope="row">
            {procedure.title[language]}
            <br />
            <code dir="ltr" className="cell-note">
              {procedure.id}
            </code>
          </th>
          <td>{agencyName(procedure.agency)}</td>
          <td>{formats.number(procedure.version)}</td>
          <td>
            <Link
              to={{ search: `?${new URLSearchParams({ [openParameter]: procedure.id }).toString()}` }}
              preventScrollReset
              aria-label={t('procedures.openNamed', { title: procedure.title[language] })}
            >
              {t('procedures.open')}
            </Link>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
