import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/formats';
import { useAgencies } from '../session/agencies';

/**
 * The archive's codes as words in the reader's language: agencies by their public names, the
 * API's vocabularies (record types, access levels, states) from the catalogue. A value the
 * catalogue does not know yet (a new record type) shows as the server spelled it.
 */
export function useArchiveNames() {
  const { t } = useTranslation();
  const language = useLanguage();
  const agencies = useAgencies();
  return useMemo(() => {
    const word = (group: string) => (value: string) => t(`archive.${group}.${value}`, { defaultValue: value });
    return {
      agency: (code: string) => agencies.find((agency) => agency.code === code)?.names[language] ?? code,
      agencyById: (id: string) => {
        const agency = agencies.find((candidate) => candidate.id === id);
        return agency?.names[language] ?? agency?.code ?? id;
      },
      recordType: word('recordType'),
      accessLevel: word('accessLevel'),
      packageState: word('packageState'),
      fileRole: word('fileRole'),
      copyState: word('copyState'),
      outcome: word('outcome'),
      disposalAction: word('disposalAction'),
      proposalState: word('proposalState'),
      requestState: word('requestState'),
      root: word('root'),
    };
  }, [t, language, agencies]);
}

export type ArchiveNames = ReturnType<typeof useArchiveNames>;
