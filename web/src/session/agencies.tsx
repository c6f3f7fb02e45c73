import { createContext, use, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../api/client';
import type { Agency, RoleAssignment } from '../api/types';
import { currentLanguage, isLanguage, isolate } from '../i18n/languages';

const AgenciesContext = createContext<readonly Agency[]>([]);

/** The public list of agencies, read once: it changes when an agency joins, not per page. */
export function AgenciesProvider({ children }: { children: ReactNode }) {
  const [agencies, setAgencies] = useState<readonly Agency[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    apiRequest<{ items: Agency[] }>('/api/agencies', { language: currentLanguage(), signal: controller.signal })
      .then((body) => setAgencies(body.items))
      // Without the list, assignments show agency codes: degraded, still usable.
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return <AgenciesContext value={agencies}>{children}</AgenciesContext>;
}

/** Every agency on the platform, in code order; empty until the list has arrived. */
export function useAgencies(): readonly Agency[] {
  return use(AgenciesContext);
}

/** Names the agency of a role assignment in the current language ("National level" if none). */
export function useAgencyName(): (assignment: RoleAssignment) => string {
  const agencies = use(AgenciesContext);
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';
  return useCallback(
    (assignment: RoleAssignment) => {
      if (assignment.agencyId === null) return t('agency.national');
      const agency = agencies.find((candidate) => candidate.id === assignment.agencyId);
      return agency?.names[language] ?? agency?.names.fr ?? assignment.agencyCode ?? assignment.agencyId;
    },
    [agencies, language, t],
  );
}

/**
 * "Case officer — Ministry of Commerce", "Auditor — National level"; an applicant acts for
 * themselves or their company, not for an agency, so their role stands alone.
 */
export function useAssignmentLabel(): (assignment: RoleAssignment) => string {
  const { t } = useTranslation();
  const agencyName = useAgencyName();
  return useCallback(
    (assignment: RoleAssignment) => {
      const role = t(`roles.${assignment.role}`);
      if (assignment.role === 'applicant' && assignment.agencyId === null) return role;
      return t('agency.roleAt', { role, agency: isolate(agencyName(assignment)) });
    },
    [t, agencyName],
  );
}
