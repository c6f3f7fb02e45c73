import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { SelectField, FormPlacesProvider } from '../customs/FormFields';
import { useSubmission } from '../forms/useSubmission';
import { useFormats } from '../i18n/formats';
import { useSession } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { PageHeading } from '../shell/PageHeading';
import { CameraScan } from '../verify/CameraScan';
import { PastedCodeForm } from '../verify/PastedCodeForm';
import { VerificationReport } from '../verify/VerificationReport';
import { PassFacts, PassStatus } from './PassFacts';
import { nextCrossing, passengerApi, type BorderScan, type VehiclePass } from './passengers';
import { useCrossingOffices } from './useCrossingOffices';
import '../applications/documents.css';
import '../verify/verify.css';
import './passengers.css';

const NO_OBJECTIONS = { idPrefix: 'border', objections: new Map() };

/**
 * The border post: the officer scans the traveller's QR code (camera or pasted text), reads the
 * verification and the pass or declaration it attests, and records the vehicle's entry or exit at
 * the office where they stand. Below, the vehicles overdue in the country.
 */
export function BorderPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { request } = useSession();
  const ids = useId();
  const crossing = useCrossingOffices('cash');
  const [office, setOffice] = useState('');
  const [scan, setScan] = useState<BorderScan | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const { pending, error, run } = useSubmission();
  const overdue = useApiResource<{ items: VehiclePass[] }>(passengerApi.overdue);

  function scanPayload(payload: string) {
    setScan(null);
    setRecorded(null);
    void run(async () => setScan(await request<BorderScan>(passengerApi.scan, { method: 'POST', body: { payload } })));
  }

  function record(pass: VehiclePass, which: 'entry' | 'exit') {
    setRecorded(null);
    void run(async () => {
      const updated = await request<VehiclePass>(passengerApi.crossing(pass.id, which), { method: 'POST', body: { officeCode: office } });
      setScan((previous) => (previous ? { ...previous, vehiclePass: updated } : previous));
      setRecorded(t(`passengers.border.recorded.${which}`, { number: updated.documentNumber }));
      void overdue.reload();
    });
  }

  const pass = scan?.vehiclePass ?? null;
  const next = pass ? nextCrossing(pass) : null;
  return (
    <div className="stack">
      <PageHeading>{t('passengers.border.title')}</PageHeading>
      <p className="lead">{t('passengers.border.intro')}</p>
      <FormPlacesProvider value={NO_OBJECTIONS}>
        <SelectField path="officeCode" label={t('passengers.border.office')} hint={t('passengers.border.officeHint')} placeholder value={office} choices={crossing.offices} onChange={setOffice} />
      </FormPlacesProvider>
      <div className="verify-ways">
        <section className="card stack" aria-labelledby={`${ids}-camera`}>
          <h2 id={`${ids}-camera`}>{t('verify.camera.title')}</h2>
          <CameraScan onPayload={scanPayload} />
        </section>
        <section className="card stack" aria-labelledby={`${ids}-paste`}>
          <h2 id={`${ids}-paste`}>{t('verify.paste.title')}</h2>
          <PastedCodeForm submitLabel={t('passengers.border.check')} pending={pending} onPayload={scanPayload} />
        </section>
      </div>
      <ErrorAlert error={error ?? crossing.error} />
      <StatusMessage message={recorded} tone="success" />
      {scan ? <VerificationReport result={scan.verification} /> : null}
      {pass ? (
        <section className="card stack" aria-labelledby={`${ids}-pass`}>
          <h2 id={`${ids}-pass`}>{t('passengers.border.pass')}</h2>
          <PassFacts pass={pass} />
          {next ? (
            <div className="actions">
              <button type="button" className="button" disabled={pending || office === '' || scan?.verification.status !== 'valid'} onClick={() => record(pass, next)}>
                {t(`passengers.border.record.${next}`)}
              </button>
            </div>
          ) : null}
          {next && office === '' ? <p className="field__hint">{t('passengers.border.chooseOffice')}</p> : null}
        </section>
      ) : null}
      {scan?.currencyDeclaration ? (
        <section className="card stack" aria-labelledby={`${ids}-cash`}>
          <h2 id={`${ids}-cash`}>{t('passengers.currency.title')}</h2>
          <p>{`${formats.number(scan.currencyDeclaration.totalNational)} ${scan.currencyDeclaration.nationalCurrency} — ${t(`passengers.currency.${scan.currencyDeclaration.direction}`)}`}</p>
          <ul>
            {scan.currencyDeclaration.amounts.map((line) => (
              <li key={line.currency} dir="ltr">{`${line.amount} ${line.currency} × ${line.rate} = ${formats.number(line.national)} ${scan.currencyDeclaration?.nationalCurrency ?? ''}`}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="stack" aria-labelledby={`${ids}-overdue`}>
        <h2 id={`${ids}-overdue`}>{t('passengers.border.overdue')}</h2>
        <ErrorAlert error={overdue.error} />
        {overdue.data?.items.length === 0 ? <p className="empty-state">{t('passengers.border.noOverdue')}</p> : null}
        {overdue.data?.items.length ? (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('passengers.border.overdue')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('passengers.pass.number')}</th>
                  <th scope="col">{t('passengers.pass.vin')}</th>
                  <th scope="col">{t('passengers.pass.plate')}</th>
                  <th scope="col">{t('passengers.pass.traveller')}</th>
                  <th scope="col">{t('passengers.pass.exitDue')}</th>
                  <th scope="col">{t('passengers.pass.status')}</th>
                </tr>
              </thead>
              <tbody>
                {overdue.data.items.map((vehicle) => (
                  <tr key={vehicle.id}>
                    <th scope="row">{vehicle.documentNumber}</th>
                    <td className="identifier">{vehicle.vehicle.vin}</td>
                    <td>{`${vehicle.vehicle.plate} (${vehicle.vehicle.registrationCountry})`}</td>
                    <td dir="auto">{vehicle.traveller.name}</td>
                    <td>{vehicle.exitDueOn ? formats.day(vehicle.exitDueOn) : '—'}</td>
                    <td>
                      <PassStatus pass={vehicle} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
