import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { useLanguage } from '../i18n/formats';
import type { Country, CustomsOffice, DeclarationView } from './types';

/**
 * The words for the codes customs data carries (states, channels, regimes, documents…), each
 * with the code itself as the fallback: a state or a document type the server learns before the
 * interface does is shown by its code rather than by a missing-translation key.
 */
export function useCustomsNames() {
  const { t } = useTranslation();
  return useMemo(() => {
    const name = (group: string) => (code: string) => t(`customs.${group}.${code}`, { defaultValue: code });
    return {
      state: name('states'),
      channel: name('channels'),
      regime: name('regimes'),
      mode: name('modes'),
      documentType: name('documentTypes'),
      line: name('lines'),
      outcome: name('outcomes'),
      notification: name('notificationKinds'),
      documentStatus: name('documentStatuses'),
    };
  }, [t]);
}

/**
 * The state a declaration is shown in: lodged and waiting for an issuing agency to confirm a cited
 * document reads as such when the server says so (`awaitingDocuments`, being added server-side).
 */
export function shownState(view: Pick<DeclarationView, 'state' | 'awaitingDocuments'>): string {
  return view.state === 'lodged' && view.awaitingDocuments === true ? 'awaiting_documents' : view.state;
}

/** Offices and countries by code, in the reader's language; the code until the lists have arrived. */
export function usePlaceNames() {
  const language = useLanguage();
  const offices = useApiResource<{ items: CustomsOffice[] }>('/api/customs/offices');
  const countries = useApiResource<{ items: Country[] }>('/api/customs/countries');
  const office = useCallback(
    (code: string) => offices.data?.items.find((candidate) => candidate.code === code)?.names[language] ?? code,
    [offices.data, language],
  );
  const country = useCallback(
    (code: string) => countries.data?.items.find((candidate) => candidate.code === code)?.names[language] ?? code,
    [countries.data, language],
  );
  return { office, country };
}
