import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { placeObjections } from '../customs/fieldPlacement';
import { FieldGroup, FormPlacesProvider, SelectField, TextField } from '../customs/FormFields';
import { useReferenceLists } from '../customs/referenceLists';
import { useSubmission } from '../forms/useSubmission';
import { calendarDayOf } from '../i18n/formats';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { passengerApi, type VehiclePass } from './passengers';
import { TravellerFields } from './TravellerFields';
import { useCrossingOffices } from './useCrossingOffices';

const SHOWN = new Set(['traveller', 'traveller.name', 'traveller.passportNumber', 'traveller.passportCountry', 'vehicle', 'vehicle.vin', 'vehicle.plate', 'vehicle.registrationCountry', 'entryOffice', 'plannedEntryOn', 'allowedDays']);

/** The request for a vehicle temporary-admission pass; the issued pass is handed to `onIssued`. */
export function VehiclePassForm({ onIssued }: { onIssued(pass: VehiclePass): void }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { request } = useSession();
  const lists = useReferenceLists();
  const crossing = useCrossingOffices('vehicle');
  const idPrefix = useId();
  const form = useRef<HTMLFormElement>(null);
  const { pending, error, run } = useSubmission();
  const [traveller, setTraveller] = useState({ name: user.displayName, passportNumber: '', passportCountry: '' });
  const [vehicle, setVehicle] = useState({ vin: '', plate: '', registrationCountry: '' });
  const [entryOffice, setEntryOffice] = useState('');
  const [plannedEntryOn, setPlannedEntryOn] = useState(() => calendarDayOf(new Date()));
  const [allowedDays, setAllowedDays] = useState('30');

  const placed = useMemo(() => placeObjections(error, SHOWN), [error]);
  const places = useMemo(() => ({ idPrefix, objections: placed.byPath }), [idPrefix, placed.byPath]);
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const body = { traveller, vehicle, entryOffice, plannedEntryOn, allowedDays: Number(allowedDays) };
      onIssued(await request<VehiclePass>(passengerApi.vehiclePasses, { method: 'POST', body }));
    });
  }

  return (
    <FormPlacesProvider value={places}>
      <form ref={form} className="form stack" onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-title`}>
        <h2 id={`${idPrefix}-title`}>{t('passengers.vehiclePass.title')}</h2>
        <p>{t('passengers.vehiclePass.intro')}</p>
        <TravellerFields value={traveller} countries={lists.countries} onChange={setTraveller} />
        <FieldGroup path="vehicle" legend={t('passengers.vehiclePass.vehicle')}>
          <TextField path="vehicle.vin" label={t('passengers.pass.vin')} hint={t('passengers.vehiclePass.vinHint')} dir="ltr" autoCapitalize="characters" spellCheck={false} value={vehicle.vin} onChange={(vin) => setVehicle({ ...vehicle, vin })} />
          <TextField path="vehicle.plate" label={t('passengers.pass.plate')} dir="ltr" autoCapitalize="characters" value={vehicle.plate} onChange={(plate) => setVehicle({ ...vehicle, plate })} />
          <SelectField path="vehicle.registrationCountry" label={t('passengers.vehiclePass.registrationCountry')} placeholder value={vehicle.registrationCountry} choices={lists.countries} onChange={(registrationCountry) => setVehicle({ ...vehicle, registrationCountry })} />
        </FieldGroup>
        <SelectField path="entryOffice" label={t('passengers.pass.entryOffice')} placeholder value={entryOffice} choices={crossing.offices} onChange={setEntryOffice} />
        <TextField path="plannedEntryOn" type="date" label={t('passengers.pass.plannedEntry')} value={plannedEntryOn} onChange={setPlannedEntryOn} />
        <TextField path="allowedDays" type="number" inputMode="numeric" min={1} label={t('passengers.pass.allowedDays')} hint={t('passengers.vehiclePass.daysHint')} value={allowedDays} onChange={setAllowedDays} />
        <ErrorAlert error={error ?? lists.error ?? crossing.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={pending}>
            {t('passengers.vehiclePass.submit')}
          </button>
        </div>
      </form>
    </FormPlacesProvider>
  );
}
