import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { Field } from '../forms/Field';
import { useFormats } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { DataTable } from '../shell/DataTable';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { archiveApi, identifiersIn } from './console';
import { LiftHoldForm, PlaceHoldForm } from './HoldForms';
import { PackageHeaderCell, WhenAndWho } from './TableCells';
import type { LegalHold } from './types';

/**
 * Legal holds in force (ISO 15489-1 §9.9): while one stands, the package cannot be proposed for
 * destruction nor destroyed. Placed on one or several packages for one reason; lifted one by one.
 */
export function HoldsPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { request } = useSession();
  const holds = useApiResource<{ items: LegalHold[] }>(archiveApi.holds);
  const [lifting, setLifting] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const ids = useId();
  const items = holds.data?.items;

  async function changed(message: string) {
    setAnnouncement(message);
    await holds.reload();
  }

  async function lift(identifier: string, reason: string) {
    await request(archiveApi.liftHold(identifier), { method: 'POST', body: { reason } });
    setLifting(null);
    await changed(t('archive.holds.lifted', { identifier: isolate(identifier) }));
  }

  return (
    <section className="stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('archive.holds.title')}</h2>
      <p>{t('archive.holds.intro')}</p>
      <StatusMessage tone="success" message={announcement} />
      <PlaceHolds onPlaced={changed} />
      <ErrorAlert error={holds.error} />
      {items ? (
        <DataTable
          captionId={`${ids}-caption`}
          caption={t('archive.holds.caption', { count: formats.number(items.length) })}
          columns={[t('archive.columns.identifier'), t('archive.columns.title'), t('archive.columns.reason'), t('archive.columns.placed'), t('common.actions')]}
          rowCount={items.length}
          emptyMessage={t('archive.holds.none')}
        >
          {items.map((hold) => (
            <tr key={hold.package}>
              <PackageHeaderCell identifier={hold.package} />
              <td dir="auto">{hold.title}</td>
              <td dir="auto">{hold.reason}</td>
              <td>
                <WhenAndWho at={hold.placedAt} by={hold.placedBy} />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-expanded={lifting === hold.package}
                  aria-controls={`${ids}-lift`}
                  aria-label={t('archive.holds.liftNamed', { identifier: hold.package })}
                  onClick={() => setLifting((current) => (current === hold.package ? null : hold.package))}
                >
                  {t('archive.holds.lift')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : holds.loading ? (
        <Loading />
      ) : null}
      <div id={`${ids}-lift`}>
        {lifting ? (
          <LiftHoldForm key={lifting} title={t('archive.holds.liftTitleNamed', { identifier: isolate(lifting) })} onSubmit={(reason) => lift(lifting, reason)} />
        ) : null}
      </div>
    </section>
  );
}

/** One reason, one or several packages: each hold is placed in turn; the first refusal stops and says which. */
function PlaceHolds({ onPlaced }: { onPlaced(message: string): Promise<void> }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const [packages, setPackages] = useState('');
  const ids = useId();

  async function place(reason: string) {
    const identifiers = identifiersIn(packages);
    const placed: string[] = [];
    try {
      for (const identifier of identifiers) {
        await request(archiveApi.hold(identifier), { method: 'POST', body: { reason } });
        placed.push(identifier);
      }
    } catch (failure) {
      // Those placed before the refusal stay placed: the list shows them, the field keeps the rest.
      setPackages(identifiers.filter((identifier) => !placed.includes(identifier)).join(' '));
      if (placed.length > 0) await onPlaced(t('archive.holds.placedSome', { identifiers: placed.map(isolate).join(', ') }));
      // The server's message names the package it refused.
      throw failure;
    }
    setPackages('');
    await onPlaced(t('archive.holds.placedSome', { identifiers: placed.map(isolate).join(', ') }));
  }

  return (
    <PlaceHoldForm onSubmit={place}>
      <Field id={`${ids}-packages`} label={t('archive.holds.packages')} hint={t('archive.holds.packagesHint')}>
        {(control) => <textarea {...control} name="packages" dir="ltr" rows={2} required spellCheck={false} value={packages} onChange={(event) => setPackages(event.target.value)} />}
      </Field>
    </PlaceHoldForm>
  );
}
