import { useMemo } from 'react';
import { useApiResource } from '../api/useApiResource';
import type { CustomsOffice } from '../customs/types';
import { useLanguage } from '../i18n/formats';
import type { Choice } from '../customs/referenceLists';

/**
 * Customs offices where a traveller crosses: land border posts and ports for a vehicle, airports
 * too for cash (the server refuses the others: src/modules/passengers/traveller.ts).
 */
export function useCrossingOffices(crossing: 'vehicle' | 'cash'): { offices: Choice[]; error: unknown } {
  const language = useLanguage();
  const resource = useApiResource<{ items: CustomsOffice[] }>('/api/customs/offices');
  return useMemo(() => {
    const kinds = crossing === 'vehicle' ? ['land_border', 'port'] : ['land_border', 'port', 'airport'];
    const offices = (resource.data?.items ?? []).filter((office) => kinds.includes(office.kind)).map((office) => ({ value: office.code, label: `${office.names[language]} (${office.code})` }));
    return { offices, error: resource.error };
  }, [crossing, language, resource.data, resource.error]);
}
