import { useMemo } from 'react';
import { useApiResource } from '../api/useApiResource';
import { useLanguage } from '../i18n/formats';
import type { Country, Currency, CustomsOffice } from './types';

export interface Choice {
  value: string;
  label: string;
}

/**
 * The choices the broker's form offers, from the customs reference data: offices, currencies and
 * countries, each named in the reader's language and sorted as that language sorts.
 */
export function useReferenceLists() {
  const language = useLanguage();
  const offices = useApiResource<{ items: CustomsOffice[] }>('/api/customs/offices');
  const currencies = useApiResource<{ items: Currency[] }>('/api/customs/currencies');
  const countries = useApiResource<{ items: Country[] }>('/api/customs/countries');
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    const sorted = (choices: Choice[]) => choices.sort((a, b) => collator.compare(a.label, b.label));
    return {
      offices: (offices.data?.items ?? []).map((office) => ({ value: office.code, label: `${office.names[language]} (${office.code})` })),
      currencies: (currencies.data?.items ?? []).map((currency) => ({ value: currency.code, label: `${currency.code} — ${currency.name}` })),
      countries: sorted((countries.data?.items ?? []).map((country) => ({ value: country.code, label: country.names[language] }))),
      countryCodes: new Set((countries.data?.items ?? []).map((country) => country.code)),
      error: offices.error ?? currencies.error ?? countries.error,
    };
  }, [language, offices.data, offices.error, currencies.data, currencies.error, countries.data, countries.error]);
}
