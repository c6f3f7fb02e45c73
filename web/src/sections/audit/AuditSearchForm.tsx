import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../forms/Field';
import type { FieldMessage } from '../../forms/fieldMessages';
import { currentLanguage } from '../../i18n/languages';
import { useLanguage } from '../../i18n/formats';
import { useAgencies } from '../../session/agencies';
import { filterProblems, noFilters, type AuditFilterName, type AuditFilters } from './auditQuery';

/** Actions and record types the platform writes today: suggestions, since modules add their own. */
const knownActions = [
  'user.created',
  'user.disabled',
  'user.registered',
  'user.locale_changed',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.totp_enrolled',
  'api_client.created',
  'api_client.revoked',
  'agency.created',
  'company.registered',
  'event.dead_letter_replayed',
];
const knownRecordTypes = ['user', 'agency', 'api_client', 'company', 'session', 'event_delivery', 'application'];

/** Free-text filters, in the order an investigation usually narrows down. */
const textFilters = ['action', 'recordType', 'recordId', 'actorId', 'requestId'] as const;

interface AuditSearchFormProps {
  /** The search in the address bar, and the filters it holds. */
  search: string;
  initial: AuditFilters;
  onSearch(filters: AuditFilters): void;
  /** The server's messages about the last search, by filter. */
  serverMessages: ReadonlyMap<string, FieldMessage>;
}

export function AuditSearchForm({ search, initial, onSearch, serverMessages }: AuditSearchFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencies = useAgencies();
  const [filters, setFilters] = useState<AuditFilters>(initial);
  const [problems, setProblems] = useState<ReturnType<typeof filterProblems>>({});
  const [shownSearch, setShownSearch] = useState(search);
  const ids = useId();

  // A link in the results, or the browser's Back button, changed the search: the form follows,
  // without being rebuilt, so the focus stays where it was.
  if (search !== shownSearch) {
    setShownSearch(search);
    setFilters(initial);
    setProblems({});
  }

  function set(name: AuditFilterName, value: string) {
    setFilters((previous) => ({ ...previous, [name]: value }));
  }

  function messageFor(name: AuditFilterName): FieldMessage | undefined {
    const problem = problems[name];
    if (problem) return { text: t(`audit.search.problems.${problem}`), language: currentLanguage() };
    return serverMessages.get(name);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = filterProblems(filters);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`${ids}-${Object.keys(found)[0] ?? ''}`)?.focus();
      return;
    }
    onSearch(filters);
  }

  return (
    <form className="form card" aria-labelledby={`${ids}-title`} onSubmit={submit}>
      <h2 id={`${ids}-title`}>{t('audit.search.title')}</h2>
      <p className="field__hint">{t('audit.search.hint')}</p>
      <div className="filters">
        {textFilters.map((name) => (
          <Field key={name} id={`${ids}-${name}`} label={t(`audit.search.${name}`)} error={messageFor(name)}>
            {(control) => (
              <input
                {...control}
                name={name}
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                list={name === 'action' ? `${ids}-actions` : name === 'recordType' ? `${ids}-types` : undefined}
                value={filters[name]}
                onChange={(event) => set(name, event.target.value)}
              />
            )}
          </Field>
        ))}
        <Field id={`${ids}-agencyId`} label={t('audit.search.agencyId')} error={messageFor('agencyId')}>
          {(control) => (
            <select {...control} name="agencyId" value={filters.agencyId} onChange={(event) => set('agencyId', event.target.value)}>
              <option value="">{t('audit.search.anyAgency')}</option>
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.names[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(['from', 'to'] as const).map((name) => (
          <Field key={name} id={`${ids}-${name}`} label={t(`audit.search.${name}`)} error={messageFor(name)}>
            {(control) => (
              <input {...control} name={name} type="date" value={filters[name]} onChange={(event) => set(name, event.target.value)} />
            )}
          </Field>
        ))}
      </div>
      <datalist id={`${ids}-actions`}>
        {knownActions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <datalist id={`${ids}-types`}>
        {knownRecordTypes.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <div className="actions">
        <button type="submit" className="button">
          {t('audit.search.submit')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setFilters(noFilters);
            setProblems({});
            onSearch(noFilters);
          }}
        >
          {t('audit.search.clear')}
        </button>
      </div>
    </form>
  );
}
