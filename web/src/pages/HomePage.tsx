import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isolate } from '../i18n/languages';
import { accountSecurityPath, isStaff, openSections } from '../session/access';
import { useAssignmentLabel } from '../session/agencies';
import { useSignedInUser } from '../session/SessionContext';
import { PageHeading } from '../shell/PageHeading';

export function HomePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const assignmentLabel = useAssignmentLabel();
  const sections = openSections(user);

  return (
    <div className="stack">
      <PageHeading>{t('home.greeting', { name: isolate(user.displayName) })}</PageHeading>

      {isStaff(user) && !user.totpEnabled ? (
        <p className="alert alert--warning">
          {t('home.totpReminder')} <Link to={accountSecurityPath}>{t('home.totpReminderLink')}</Link>
        </p>
      ) : null}

      <section aria-labelledby="home-roles" className="card">
        <h2 id="home-roles">{t('home.rolesHeading')}</h2>
        <ul className="plain-list">
          {user.roles.map((assignment) => (
            <li key={`${assignment.role}:${assignment.agencyId ?? ''}`}>{assignmentLabel(assignment)}</li>
          ))}
        </ul>
        {user.company ? <p>{t('home.company', { name: isolate(user.company.name), taxId: isolate(user.company.taxId) })}</p> : null}
      </section>

      {sections.length > 0 ? (
        <section aria-labelledby="home-sections">
          <h2 id="home-sections">{t('home.sectionsHeading')}</h2>
          <ul className="tiles">
            {sections.map((section) => (
              <li key={section.id} className="tile">
                <Link to={section.path} className="tile__link">
                  {t(`sections.${section.id}.title`)}
                </Link>
                <p>{t(`sections.${section.id}.description`)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
