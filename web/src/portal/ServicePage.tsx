import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApiResource } from '../api/useApiResource';
import type { ApplicationView } from '../applications/types';
import { useSubmission } from '../forms/useSubmission';
import { useFormats, useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useAgencies } from '../session/agencies';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import { typeName } from './attachmentRules';
import { cataloguePath, definitionPath, portalPaths, type ProcedureDefinition, type ProcedureSummary } from './definition';
import { FeeRulesList } from './FeeRulesList';

/** What a service asks for and costs, how long it takes, and the button that opens a file. */
export function ServicePage() {
  const { procedureId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const definition = useApiResource<ProcedureDefinition>(definitionPath(procedureId));
  // The catalogue summary carries what the definition does not: the currency of the fees and the
  // expected delay, which the catalogue computes from the workflow.
  const summaries = useApiResource<{ items: ProcedureSummary[] }>(cataloguePath({ id: procedureId }));
  const summary = summaries.data?.items[0];

  if (!definition.data) return definition.error ? <ErrorAlert error={definition.error} /> : <Loading />;
  const procedure = definition.data;
  return (
    <div className="stack">
      <PageHeading>{procedure.title[language]}</PageHeading>
      <p className="lead">{procedure.description[language]}</p>
      <ServiceFacts procedure={procedure} expectedWorkingDays={summary?.expectedWorkingDays ?? null} />
      <section className="card" aria-labelledby="service-attachments">
        <h2 id="service-attachments">{t('portal.service.attachments')}</h2>
        {procedure.attachments.length === 0 ? (
          <p>{t('portal.service.noAttachments')}</p>
        ) : (
          <ul>
            {procedure.attachments.map((rule) => (
              <li key={rule.kind}>
                {rule.label[language]} — {rule.required ? t('portal.attachments.required') : t('portal.attachments.optional')} —{' '}
                {t('portal.attachments.limits', { types: rule.types.map(typeName).join(', '), size: rule.maxSizeMb })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="service-fees">
        <h2 id="service-fees">{t('portal.service.fees')}</h2>
        <FeeRulesList definition={procedure} currency={summary?.currency} />
      </section>
      <ApplyButton procedure={procedure} />
    </div>
  );
}

function ServiceFacts({ procedure, expectedWorkingDays }: { procedure: ProcedureDefinition; expectedWorkingDays: number | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencies = useAgencies();
  const formats = useFormats();
  const agencyName = agencies.find((candidate) => candidate.code === procedure.agency)?.names[language] ?? procedure.agency;
  return (
    <dl className="portal-facts portal-facts--wide">
      <div>
        <dt>{t('portal.service.agency')}</dt>
        <dd>{agencyName}</dd>
      </div>
      <div>
        <dt>{t('portal.service.whoMayApply')}</dt>
        <dd>{procedure.applicants.map((kind) => t(`portal.applicants.${kind}`)).join(', ')}</dd>
      </div>
      {expectedWorkingDays !== null ? (
        <div>
          <dt>{t('portal.service.delay')}</dt>
          <dd>{formats.number(expectedWorkingDays)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Opens a draft pinned to the latest version, then goes to it. */
function ApplyButton({ procedure }: { procedure: ProcedureDefinition }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const { pending, error, run } = useSubmission();
  // A business-only service for someone who acts for no company: the server decides, the page warns.
  const warnNoCompany = !procedure.applicants.includes('citizen') && user.company === null;
  return (
    <div className="stack">
      {warnNoCompany ? <p className="alert alert--warning">{t('portal.service.businessOnly')}</p> : null}
      {user.company ? <p>{t('portal.service.actsFor', { company: isolate(user.company.name) })}</p> : null}
      <ErrorAlert error={error} />
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={() =>
            void run(async () => {
              const created = await request<ApplicationView>('/api/applications', {
                method: 'POST',
                body: { procedureId: procedure.id },
              });
              await navigate(portalPaths.file(created.id));
            })
          }
        >
          {t('portal.service.apply')}
        </button>
      </div>
    </div>
  );
}
