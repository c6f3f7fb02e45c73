import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../../forms/fieldMessages';
import { draftGrant, type GrantChoices, type GrantDraft } from './grantChoices';
import { GrantSelects } from './GrantSelects';

interface GrantFieldsProps {
  idPrefix: string;
  choices: GrantChoices;
  grants: readonly GrantDraft[];
  onChange(grants: GrantDraft[]): void;
  /** The form's field messages: `grants`, `grants[0].role`, `grants[0].agencyId`… */
  messages: ReadonlyMap<string, FieldMessage>;
}

/** The maximum the server accepts on one account (`POST /api/users`, `grants` maxItems). */
const MAX_GRANTS = 10;

/** One or more role grants, each in its own group so that "Role 2" is heard with its fields. */
export function GrantFields({ idPrefix, choices, grants, onChange, messages }: GrantFieldsProps) {
  const { t } = useTranslation();
  const overall = messages.get('grants');
  const addButton = useRef<HTMLButtonElement>(null);
  const shownCount = useRef(grants.length);

  // A removed group takes its Remove button with it: the focus goes on to Add, not to the page.
  useEffect(() => {
    if (grants.length < shownCount.current) addButton.current?.focus();
    shownCount.current = grants.length;
  }, [grants.length]);

  function replace(index: number, grant: GrantDraft) {
    onChange(grants.map((current, position) => (position === index ? grant : current)));
  }

  return (
    <fieldset className="fieldset" aria-describedby={overall ? `${idPrefix}s-error` : undefined}>
      <legend>{t('grants.legend')}</legend>
      {overall ? (
        <p id={`${idPrefix}s-error`} className="field__error" lang={overall.language}>
          {overall.text}
        </p>
      ) : null}
      {grants.map((grant, index) => {
        const number = index + 1;
        return (
          // The position is the identity: grants have no id until the account exists.
          <fieldset key={index} className="fieldset fieldset--nested">
            <legend>{t('grants.numbered', { number })}</legend>
            <GrantSelects
              idPrefix={`${idPrefix}-${index}`}
              choices={choices}
              grant={grant}
              onChange={(changed) => replace(index, changed)}
              messages={{ role: messages.get(`grants[${index}].role`), agencyId: messages.get(`grants[${index}].agencyId`) }}
            />
            {grants.length > 1 ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onChange(grants.filter((_, position) => position !== index))}
              >
                {t('grants.remove', { number })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button
        ref={addButton}
        type="button"
        className="button button--secondary"
        disabled={grants.length >= MAX_GRANTS}
        onClick={() => onChange([...grants, draftGrant(choices)])}
      >
        {t('grants.add')}
      </button>
    </fieldset>
  );
}
