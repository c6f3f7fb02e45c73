import { useTranslation } from 'react-i18next';
import { isolate } from '../i18n/languages';
import type { DeclarationDraft, PartyDraft } from './declarationDraft';
import { FieldGroup, SelectField, TextField } from './FormFields';
import { useCustomsNames } from './names';
import type { Choice, useReferenceLists } from './referenceLists';
import { REGIMES, TRANSPORT_MODES, type Regime, type TransportMode } from './types';

type Update = (change: (previous: DeclarationDraft) => DeclarationDraft) => void;

/** Reference, regime, office, currency and transport: what applies to every item. */
export function DeclarationHeader({ draft, lists, onChange }: { draft: DeclarationDraft; lists: ReturnType<typeof useReferenceLists>; onChange: Update }) {
  const { t } = useTranslation();
  const names = useCustomsNames();
  const set = <K extends keyof DeclarationDraft>(name: K) => (value: DeclarationDraft[K]) => onChange((previous) => ({ ...previous, [name]: value }));
  return (
    <>
      <FieldGroup path="header" legend={t('customs.form.header')}>
        <div className="filters">
          <TextField path="localReference" label={t('customs.declaration.localReference')} hint={t('customs.form.localReferenceHint')} value={draft.localReference} onChange={set('localReference')} dir="ltr" autoComplete="off" />
          <SelectField
            path="regime"
            label={t('customs.declaration.regime')}
            value={draft.regime}
            choices={REGIMES.map((regime) => ({ value: regime, label: names.regime(regime) }))}
            onChange={(value) => set('regime')(value as Regime)}
          />
          <SelectField path="officeCode" label={t('customs.columns.office')} value={draft.officeCode} choices={lists.offices} placeholder onChange={set('officeCode')} />
          <SelectField path="invoiceCurrency" label={t('customs.declaration.invoiceCurrency')} value={draft.invoiceCurrency} choices={lists.currencies} placeholder onChange={set('invoiceCurrency')} />
        </div>
      </FieldGroup>
      <FieldGroup path="transport" legend={t('customs.transport.title')}>
        <div className="filters">
          <SelectField
            path="transport.mode"
            label={t('customs.transport.mode')}
            value={draft.transportMode}
            choices={TRANSPORT_MODES.map((mode) => ({ value: mode, label: names.mode(mode) }))}
            onChange={(value) => set('transportMode')(value as TransportMode)}
          />
          <TextField path="transport.meansId" label={t('customs.transport.meansId')} hint={t('customs.form.meansIdHint')} value={draft.meansId} onChange={set('meansId')} dir="ltr" autoComplete="off" />
          <TextField path="transport.transportDocument" label={t('customs.transport.transportDocument')} hint={t('customs.form.transportDocumentHint')} value={draft.transportDocument} onChange={set('transportDocument')} dir="ltr" autoComplete="off" />
          <SelectField path="transport.dispatchCountry" label={t('customs.transport.dispatchCountry')} value={draft.dispatchCountry} choices={lists.countries} placeholder onChange={set('dispatchCountry')} />
          <TextField path="transport.containers" label={t('customs.transport.containers')} hint={t('customs.form.containersHint')} value={draft.containers} onChange={set('containers')} dir="ltr" autoComplete="off" />
        </div>
      </FieldGroup>
    </>
  );
}

/** The declarant is the broker's own company; the importer and the exporter are typed. */
export function PartiesFields({ draft, countries, onChange }: { draft: DeclarationDraft; countries: readonly Choice[]; onChange: Update }) {
  const { t } = useTranslation();
  const setParty = (party: 'declarant' | 'importer' | 'exporter', field: keyof PartyDraft) => (value: string) =>
    onChange((previous) => ({ ...previous, [party]: { ...previous[party], [field]: value } }));
  return (
    <div className="parties">
      <FieldGroup path="declarant" legend={t('customs.party.declarant')}>
        <p>{t('customs.form.declarantIs', { name: isolate(draft.declarant.name), taxId: isolate(draft.declarant.taxId) })}</p>
        <SelectField path="declarant.country" label={t('customs.party.country')} value={draft.declarant.country} choices={countries} placeholder onChange={setParty('declarant', 'country')} />
      </FieldGroup>
      {(['importer', 'exporter'] as const).map((party) => (
        <FieldGroup key={party} path={party} legend={t(`customs.party.${party}`)}>
          <p className="field__hint">{t(`customs.form.${party}Hint`)}</p>
          <TextField path={`${party}.taxId`} label={t('customs.party.taxId')} value={draft[party].taxId} onChange={setParty(party, 'taxId')} dir="ltr" autoComplete="off" />
          <TextField path={`${party}.name`} label={t('customs.party.name')} value={draft[party].name} onChange={setParty(party, 'name')} dir="auto" autoComplete="off" />
          <SelectField path={`${party}.country`} label={t('customs.party.country')} value={draft[party].country} choices={countries} placeholder onChange={setParty(party, 'country')} />
        </FieldGroup>
      ))}
    </div>
  );
}
