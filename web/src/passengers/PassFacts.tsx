import { useTranslation } from 'react-i18next';
import { useFormats } from '../i18n/formats';
import { passStatus, type VehiclePass } from './passengers';
import './passengers.css';

/** A pass's status as a chip: the word says it, the colour only repeats it. */
export function PassStatus({ pass }: { pass: Pick<VehiclePass, 'state' | 'overdue'> }) {
  const { t } = useTranslation();
  const status = passStatus(pass);
  return <span className={`status pass-status--${status}`}>{t(`passengers.status.${status}`)}</span>;
}

/** What a traveller and an officer read of a pass: the vehicle, the stay, the crossings recorded. */
export function PassFacts({ pass }: { pass: VehiclePass }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const day = (value: string | null) => (value ? formats.day(value) : '—');
  const facts: [string, string][] = [
    [t('passengers.pass.number'), pass.documentNumber],
    [t('passengers.pass.traveller'), `${pass.traveller.name} — ${pass.traveller.passportNumber} (${pass.traveller.passportCountry})`],
    [t('passengers.pass.vin'), pass.vehicle.vin],
    [t('passengers.pass.plate'), `${pass.vehicle.plate} (${pass.vehicle.registrationCountry})`],
    [t('passengers.pass.entryOffice'), pass.entryOffice],
    [t('passengers.pass.plannedEntry'), day(pass.plannedEntryOn)],
    [t('passengers.pass.allowedDays'), String(pass.allowedDays)],
    [t('passengers.pass.entered'), pass.enteredOn ? `${day(pass.enteredOn)} — ${pass.enteredAtOffice ?? ''}` : '—'],
    [t('passengers.pass.exitDue'), day(pass.exitDueOn)],
    [t('passengers.pass.exited'), pass.exitedOn ? `${day(pass.exitedOn)} — ${pass.exitedAtOffice ?? ''}` : '—'],
  ];
  if (pass.overdueOn) facts.push([t('passengers.pass.overdueOn'), day(pass.overdueOn)]);
  return (
    <div className="stack">
      <p>
        <PassStatus pass={pass} />
      </p>
      <dl className="pass-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="pass-facts__row">
            <dt>{label}</dt>
            <dd>
              <bdi>{value}</bdi>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
