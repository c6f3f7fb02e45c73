import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../../applications/types';
import { useFormats, useLanguage } from '../../i18n/formats';
import { typeName } from '../../portal/attachmentRules';
import type { ProcedureDefinition } from '../../portal/definition';
import { FeeRulesList } from '../../portal/FeeRulesList';
import { useAgencies } from '../../session/agencies';
import { DataTable } from '../../shell/DataTable';

/** The portal's type leaves out what applicants never see: a state's outcome and reviewing agency. */
type WorkflowStateView = ProcedureDefinition['workflow']['states'][number] & { outcome?: Outcome; agency?: string };

/** What a version asks, costs and goes through: what an administrator checks before publishing the next. */
export function ProcedureOverview({ definition, currency }: { definition: ProcedureDefinition; currency: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const agencies = useAgencies();
  const agencyName = (code: string) => agencies.find((agency) => agency.code === code)?.names[language] ?? code;
  const ids = useId();
  const { initial, states } = definition.workflow as { initial: string; states: WorkflowStateView[] };
  const { attachments } = definition;
  return (
    <>
      <dl className="procedure-facts">
        <div>
          <dt>{t('procedures.facts.id')}</dt>
          <dd>
            <code dir="ltr">{definition.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t('procedures.facts.agency')}</dt>
          <dd>{agencyName(definition.agency)}</dd>
        </div>
        <div>
          <dt>{t('procedures.facts.applicants')}</dt>
          <dd>{definition.applicants.map((kind) => t(`procedures.applicants.${kind}`)).join(', ')}</dd>
        </div>
      </dl>
      <DataTable
        captionId={`${ids}-states`}
        caption={t('procedures.states.caption', { total: states.length })}
        columns={[t('procedures.states.state'), t('procedures.states.holder'), t('procedures.states.deadline'), t('procedures.states.outcome')]}
        rowCount={states.length}
        dense
      >
        {states.map((state) => (
          <tr key={state.id}>
            <th scope="row">
              {state.label[language]}
              {state.id === initial ? ` (${t('procedures.states.initial')})` : ''}
              <br />
              <code dir="ltr" className="cell-note">
                {state.id}
              </code>
            </th>
            <td>
              {t(`procedures.holder.${state.holder}`)}
              {state.agency ? ` — ${agencyName(state.agency)}` : ''}
            </td>
            <td>{state.deadlineWorkingDays ? formats.number(state.deadlineWorkingDays) : '—'}</td>
            <td>{state.outcome ? t(`procedures.outcome.${state.outcome}`) : '—'}</td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby={`${ids}-fees`}>
        <h4 id={`${ids}-fees`}>{t('procedures.fees')}</h4>
        <FeeRulesList definition={definition} currency={currency} />
      </section>
      <DataTable
        captionId={`${ids}-attachments`}
        caption={t('procedures.attachments.caption', { total: attachments.length })}
        columns={[t('procedures.attachments.document'), t('procedures.attachments.required'), t('procedures.attachments.types'), t('procedures.attachments.maxSize')]}
        rowCount={attachments.length}
        emptyMessage={t('procedures.attachments.none')}
        dense
      >
        {attachments.map((rule) => (
          <tr key={rule.kind}>
            <th scope="row">{rule.label[language]}</th>
            <td>{rule.required ? t('procedures.attachments.yes') : t('procedures.attachments.no')}</td>
            <td>{rule.types.map(typeName).join(', ')}</td>
            <td>{t('procedures.attachments.megabytes', { size: formats.number(rule.maxSizeMb) })}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
