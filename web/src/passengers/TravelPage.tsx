import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentPaths } from '../applications/documents';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { PageHeading } from '../shell/PageHeading';
import { CurrencyDeclarationForm } from './CurrencyDeclarationForm';
import { PassFacts } from './PassFacts';
import { passengerApi, type CurrencyDeclaration, type VehiclePass } from './passengers';
import { VehiclePassForm } from './VehiclePassForm';
import './passengers.css';

/** The signed PDF, whose QR code the border officer scans (printed, or shown on the phone). */
function PdfLink({ documentId, number }: { documentId: string; number: string }) {
  const { t } = useTranslation();
  return (
    <a href={documentPaths.pdf(documentId)} download={`${number}.pdf`}>
      {t('passengers.travel.downloadPdf')}
      <span className="visually-hidden"> {number}</span>
    </a>
  );
}

/**
 * The traveller's page in the portal: request a vehicle temporary-admission pass and declare
 * foreign currency before travel, then keep the signed PDFs whose QR codes are shown at the border.
 */
export function TravelPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const ids = useId();
  const passes = useApiResource<{ items: VehiclePass[] }>(passengerApi.vehiclePasses);
  const declarations = useApiResource<{ items: CurrencyDeclaration[] }>(passengerApi.currencyDeclarations);
  const [issued, setIssued] = useState<string | null>(null);

  return (
    <div className="stack">
      <PageHeading>{t('passengers.travel.title')}</PageHeading>
      <p className="lead">{t('passengers.travel.intro')}</p>
      <StatusMessage message={issued} tone="success" />
      <div className="card">
        <VehiclePassForm
          onIssued={(pass) => {
            setIssued(t('passengers.travel.passIssued', { number: pass.documentNumber }));
            void passes.reload();
          }}
        />
      </div>
      <div className="card">
        <CurrencyDeclarationForm
          onAnswer={(answer) => {
            if (!answer.required) return;
            setIssued(t('passengers.travel.declarationIssued', { number: answer.declaration.documentNumber }));
            void declarations.reload();
          }}
        />
      </div>
      <section className="stack" aria-labelledby={`${ids}-passes`}>
        <h2 id={`${ids}-passes`}>{t('passengers.travel.myPasses')}</h2>
        <ErrorAlert error={passes.error} />
        {passes.data?.items.length === 0 ? <p className="empty-state">{t('passengers.travel.noPasses')}</p> : null}
        <ul className="plain-list">
          {passes.data?.items.map((pass) => (
            <li key={pass.id} className="stack">
              <PassFacts pass={pass} />
              <PdfLink documentId={pass.documentId} number={pass.documentNumber} />
            </li>
          ))}
        </ul>
      </section>
      <section className="stack" aria-labelledby={`${ids}-declarations`}>
        <h2 id={`${ids}-declarations`}>{t('passengers.travel.myDeclarations')}</h2>
        <ErrorAlert error={declarations.error} />
        {declarations.data?.items.length === 0 ? <p className="empty-state">{t('passengers.travel.noDeclarations')}</p> : null}
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('passengers.travel.myDeclarations')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('passengers.pass.number')}</th>
                <th scope="col">{t('passengers.currency.direction')}</th>
                <th scope="col">{t('passengers.currency.declaredOn')}</th>
                <th scope="col">{t('passengers.currency.total')}</th>
                <th scope="col">{t('passengers.travel.document')}</th>
              </tr>
            </thead>
            <tbody>
              {declarations.data?.items.map((declaration) => (
                <tr key={declaration.id}>
                  <th scope="row">{declaration.documentNumber}</th>
                  <td>{t(`passengers.currency.${declaration.direction}`)}</td>
                  <td>{formats.day(declaration.declaredOn)}</td>
                  <td>{`${formats.number(declaration.totalNational)} ${declaration.nationalCurrency}`}</td>
                  <td>
                    <PdfLink documentId={declaration.documentId} number={declaration.documentNumber} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
