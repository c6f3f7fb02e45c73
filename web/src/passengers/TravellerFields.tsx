import { useTranslation } from 'react-i18next';
import { FieldGroup, SelectField, TextField } from '../customs/FormFields';
import type { Choice } from '../customs/referenceLists';

export interface TravellerDraft {
  name: string;
  passportNumber: string;
  passportCountry: string;
}

/** The traveller as their passport names them: the same block on the vehicle pass and the currency declaration. */
export function TravellerFields({ value, countries, onChange }: { value: TravellerDraft; countries: readonly Choice[]; onChange(value: TravellerDraft): void }) {
  const { t } = useTranslation();
  return (
    <FieldGroup path="traveller" legend={t('passengers.traveller.legend')}>
      <TextField path="traveller.name" label={t('passengers.traveller.name')} hint={t('passengers.traveller.nameHint')} autoComplete="name" value={value.name} onChange={(name) => onChange({ ...value, name })} />
      <TextField path="traveller.passportNumber" label={t('passengers.traveller.passportNumber')} dir="ltr" autoCapitalize="characters" value={value.passportNumber} onChange={(passportNumber) => onChange({ ...value, passportNumber })} />
      <SelectField path="traveller.passportCountry" label={t('passengers.traveller.passportCountry')} placeholder value={value.passportCountry} choices={countries} onChange={(passportCountry) => onChange({ ...value, passportCountry })} />
    </FieldGroup>
  );
}
