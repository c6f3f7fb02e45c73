import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { Field } from '../../forms/Field';
import type { FieldMessage } from '../../forms/fieldMessages';
import { useLanguage } from '../../i18n/formats';
import { roleNeedsAgency, type GrantChoices, type GrantDraft } from './grantChoices';

interface GrantSelectsProps {
  idPrefix: string;
  choices: GrantChoices;
  grant: GrantDraft;
  onChange(grant: GrantDraft): void;
  messages: { role?: FieldMessage | undefined; agencyId?: FieldMessage | undefined };
}

/** A role and, for the roles exercised inside one agency, that agency. */
export function GrantSelects({ idPrefix, choices, grant, onChange, messages }: GrantSelectsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="grant">
      <Field id={`${idPrefix}-role`} label={t('grants.role')} error={messages.role}>
        {(control) => (
          <select {...control} required value={grant.role} onChange={(event) => onChange({ ...grant, role: event.target.value as Role })}>
            {choices.roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {roleNeedsAgency(grant.role) ? (
        <Field id={`${idPrefix}-agency`} label={t('grants.agency')} error={messages.agencyId}>
          {(control) => (
            <select {...control} required value={grant.agencyId} onChange={(event) => onChange({ ...grant, agencyId: event.target.value })}>
              {/* With one agency to offer it is chosen already, unless the list arrived after the form. */}
              {choices.agencies.length === 1 && grant.agencyId !== '' ? null : <option value="">{t('grants.chooseAgency')}</option>}
              {choices.agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.names[language]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p className="grant__national">{t('grants.nationalRole')}</p>
      )}
    </div>
  );
}
