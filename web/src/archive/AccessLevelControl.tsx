import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/types';
import { Field } from '../forms/Field';
import { useSession } from '../session/SessionContext';
import { archiveApi, managesAgency } from './console';
import { useArchiveNames } from './names';
import { ReasonForm } from './ReasonForm';
import { ACCESS_LEVELS, type AccessLevel, type PackageSummary } from './types';

/** The server's lower bound on the reason of an access-level change (search/http-schema.ts). */
const REASON_MIN = 10;

interface AccessLevelControlProps {
  pkg: PackageSummary;
  user: SessionUser;
  onChanged(message: string): Promise<void>;
}

/**
 * Who may read the record: only the producing agency's archivist changes it (the decision to open a
 * record belongs to the agency that made it); others are told so rather than shown a form that fails.
 */
export function AccessLevelControl({ pkg, user, onChanged }: AccessLevelControlProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const names = useArchiveNames();
  const [level, setLevel] = useState<AccessLevel>((ACCESS_LEVELS as readonly string[]).includes(pkg.accessLevel) ? (pkg.accessLevel as AccessLevel) : 'restricted');
  const ids = useId();

  if (pkg.state !== 'stored') return null;
  if (!managesAgency(user, pkg.agency)) {
    return <p className="field__hint">{t('archive.accessLevel.notYours', { agency: names.agency(pkg.agency) })}</p>;
  }

  async function save(reason: string) {
    const saved = await request<{ accessLevel: string }>(archiveApi.accessLevel(pkg.identifier), { method: 'PUT', body: { level, reason } });
    await onChanged(t('archive.accessLevel.saved', { level: names.accessLevel(saved.accessLevel) }));
  }

  return (
    <ReasonForm
      title={t('archive.accessLevel.title')}
      reasonLabel={t('archive.accessLevel.reason')}
      reasonHint={t('archive.reasonHint', { min: REASON_MIN })}
      minLength={REASON_MIN}
      submitLabel={t('archive.accessLevel.submit')}
      onSubmit={save}
    >
      <Field id={`${ids}-level`} label={t('archive.accessLevel.level')} hint={t('archive.accessLevel.levelHint')}>
        {(control) => (
          <select {...control} name="level" value={level} onChange={(event) => setLevel(event.target.value as AccessLevel)}>
            {ACCESS_LEVELS.map((choice) => (
              <option key={choice} value={choice}>
                {names.accessLevel(choice)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </ReasonForm>
  );
}
