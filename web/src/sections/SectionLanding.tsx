import { useTranslation } from 'react-i18next';
import { assignmentsFor, type SectionId } from '../session/access';
import { useAssignmentLabel } from '../session/agencies';
import { useSignedInUser } from '../session/SessionContext';
import { PageHeading } from '../shell/PageHeading';

/** The landing page every section shows until its own screens arrive. */
export function SectionLanding({ section }: { section: SectionId }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const assignmentLabel = useAssignmentLabel();

  return (
    <div className="stack">
      <PageHeading>{t(`sections.${section}.title`)}</PageHeading>
      <p>
        <span className="badge">{t('sections.status')}</span>
      </p>
      <p className="lead">{t(`sections.${section}.description`)}</p>
      <section aria-labelledby="section-attachment" className="card">
        <h2 id="section-attachment">{t('sections.attachment')}</h2>
        <ul className="plain-list">
          {assignmentsFor(user, section).map((assignment) => (
            <li key={`${assignment.role}:${assignment.agencyId ?? ''}`}>{assignmentLabel(assignment)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
