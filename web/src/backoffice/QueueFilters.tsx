import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { Field } from '../forms/Field';
import type { FieldMessage } from '../forms/fieldMessages';
import { useLanguage } from '../i18n/formats';
import { definitionPath, type ProcedureDefinition, type ProcedureSummary } from '../portal/definition';
import { useAgencyByCode } from './agencyNames';
import {
  assignedChoices,
  deadlineStatuses,
  defaultFilters,
  queueViews,
  sortKeys,
  sortOrders,
  type QueueFilters as Filters,
} from './queueQuery';

interface QueueFiltersProps {
  /** The search in the address bar, and the filters it holds. */
  search: string;
  initial: Filters;
  /** Agency codes the officer may narrow the queue to. */
  agencies: readonly string[];
  onSearch(filters: Filters): void;
  /** The server's messages about the last query, by filter. */
  serverMessages: ReadonlyMap<string, FieldMessage>;
}

/** What narrows the queue and how it is sorted; applied together, with the button. */
export function QueueFilters({ search, initial, agencies, onSearch, serverMessages }: QueueFiltersProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencyName = useAgencyByCode();
  const procedures = useApiResource<{ items: ProcedureSummary[] }>('/api/catalogue/procedures');
  const [filters, setFilters] = useState<Filters>(initial);
  const [shownSearch, setShownSearch] = useState(search);
  const ids = useId();

  // The Back button or a paging link changed the search: the form follows without being rebuilt.
  if (search !== shownSearch) {
    setShownSearch(search);
    setFilters(initial);
  }

  function set<K extends keyof Filters>(name: K, value: Filters[K]) {
    setFilters((previous) => ({ ...previous, [name]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A new query starts from its first page.
    onSearch({ ...filters, offset: 0 });
  }

  const id = (name: string) => `${ids}-${name}`;

  return (
    <form className="form card" aria-labelledby={id('title')} onSubmit={submit}>
      <h2 id={id('title')}>{t('backOffice.filters.title')}</h2>
      <div className="filters">
        <Field id={id('q')} label={t('backOffice.filters.q')} hint={t('backOffice.filters.qHint')} error={serverMessages.get('q')}>
          {(control) => (
            <input {...control} name="q" type="search" dir="auto" autoComplete="off" value={filters.q} onChange={(event) => set('q', event.target.value)} />
          )}
        </Field>
        <Field id={id('view')} label={t('backOffice.filters.view')} error={serverMessages.get('view')}>
          {(control) => (
            <select {...control} name="view" value={filters.view} onChange={(event) => set('view', event.target.value as Filters['view'])}>
              {queueViews.map((view) => (
                <option key={view} value={view}>
                  {t(`backOffice.filters.views.${view}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {agencies.length > 1 ? (
          <Field id={id('agency')} label={t('backOffice.filters.agency')} error={serverMessages.get('agency')}>
            {(control) => (
              <select {...control} name="agency" value={filters.agency} onChange={(event) => set('agency', event.target.value)}>
                <option value="">{t('backOffice.filters.anyAgency')}</option>
                {agencies.map((code) => (
                  <option key={code} value={code}>
                    {agencyName(code)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field id={id('procedureId')} label={t('backOffice.filters.procedure')} error={serverMessages.get('procedureId')}>
          {(control) => (
            <select
              {...control}
              name="procedureId"
              value={filters.procedureId}
              // States belong to a procedure's workflow: another procedure, another list of states.
              onChange={(event) => setFilters((previous) => ({ ...previous, procedureId: event.target.value, state: '' }))}
            >
              <option value="">{t('backOffice.filters.anyProcedure')}</option>
              {(procedures.data?.items ?? []).map((procedure) => (
                <option key={procedure.id} value={procedure.id}>
                  {procedure.title[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <StateFilter id={id('state')} procedureId={filters.procedureId} value={filters.state} onChange={(state) => set('state', state)} error={serverMessages.get('state')} />
        <Field id={id('deadline')} label={t('backOffice.filters.deadline')} error={serverMessages.get('deadline')}>
          {(control) => (
            <select {...control} name="deadline" value={filters.deadline} onChange={(event) => set('deadline', event.target.value as Filters['deadline'])}>
              <option value="">{t('backOffice.filters.anyDeadline')}</option>
              {deadlineStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`backOffice.deadline.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('assigned')} label={t('backOffice.filters.assigned')} error={serverMessages.get('assigned')}>
          {(control) => (
            <select {...control} name="assigned" value={filters.assigned} onChange={(event) => set('assigned', event.target.value as Filters['assigned'])}>
              {assignedChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {t(`backOffice.filters.assignedChoices.${choice}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('sort')} label={t('backOffice.filters.sort')} error={serverMessages.get('sort')}>
          {(control) => (
            <select {...control} name="sort" value={filters.sort} onChange={(event) => set('sort', event.target.value as Filters['sort'])}>
              {sortKeys.map((key) => (
                <option key={key} value={key}>
                  {t(`backOffice.filters.sortKeys.${key}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('order')} label={t('backOffice.filters.order')} error={serverMessages.get('order')}>
          {(control) => (
            <select {...control} name="order" value={filters.order} onChange={(event) => set('order', event.target.value as Filters['order'])}>
              {sortOrders.map((order) => (
                <option key={order} value={order}>
                  {t(`backOffice.filters.orders.${order}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="checkbox">
        <input id={id('escalated')} name="escalated" type="checkbox" checked={filters.escalated} onChange={(event) => set('escalated', event.target.checked)} />
        <label htmlFor={id('escalated')}>{t('backOffice.filters.escalatedOnly')}</label>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t('backOffice.filters.submit')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setFilters(defaultFilters);
            onSearch(defaultFilters);
          }}
        >
          {t('backOffice.filters.clear')}
        </button>
      </div>
    </form>
  );
}

interface StateFilterProps {
  id: string;
  procedureId: string;
  value: string;
  onChange(state: string): void;
  error: FieldMessage | undefined;
}

/** The states of the chosen procedure's workflow; without a procedure there is no list to offer. */
function StateFilter({ id, procedureId, value, onChange, error }: StateFilterProps) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t('backOffice.filters.state')} hint={procedureId ? undefined : t('backOffice.filters.stateHint')} error={error}>
      {(control) =>
        procedureId ? (
          <ProcedureStates control={control} procedureId={procedureId} value={value} onChange={onChange} />
        ) : (
          <select {...control} name="state" value="" disabled>
            <option value="">{t('backOffice.filters.anyState')}</option>
          </select>
        )
      }
    </Field>
  );
}

function ProcedureStates({
  control,
  procedureId,
  value,
  onChange,
}: {
  control: { id: string };
  procedureId: string;
  value: string;
  onChange(state: string): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  // The latest version's states; a state an older version had still filters, by its id.
  const definition = useApiResource<ProcedureDefinition>(definitionPath(procedureId));
  const states = definition.data?.workflow.states ?? [];
  return (
    <select {...control} name="state" value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('backOffice.filters.anyState')}</option>
      {value && !states.some((state) => state.id === value) ? <option value={value}>{value}</option> : null}
      {states.map((state) => (
        <option key={state.id} value={state.id}>
          {state.label[language]}
        </option>
      ))}
    </select>
  );
}
