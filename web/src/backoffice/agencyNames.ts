import { useCallback } from 'react';
import { useLanguage } from '../i18n/formats';
import { useAgencies } from '../session/agencies';

/** Names an agency by its code (files carry codes) in the reader's language; the code until the list has arrived. */
export function useAgencyByCode(): (code: string) => string {
  const language = useLanguage();
  const agencies = useAgencies();
  return useCallback(
    (code: string) => agencies.find((agency) => agency.code === code)?.names[language] ?? code,
    [agencies, language],
  );
}
