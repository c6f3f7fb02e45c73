import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../i18n/languages';
import { StatusMessage } from '../shell/ErrorAlert';
import { newDocument, type DocumentDraft, type ItemDraft } from './declarationDraft';
import { FieldGroup, SelectField, TextField, useFieldId, useObjection } from './FormFields';
import { HsCodeSearch } from './HsCodeSearch';
import { useCustomsNames } from './names';
import type { Choice } from './referenceLists';
import { DOCUMENT_TYPES } from './types';

interface ItemFieldsProps {
  index: number;
  item: ItemDraft;
  /** On a passenger car clearance the item is the car, described by its VIN and age. */
  isVehicle: boolean;
  countries: readonly Choice[];
  invoiceCurrency: string;
  /** Null when it is the only item: a declaration has at least one. */
  onRemove: (() => void) | null;
  onChange(item: ItemDraft): void;
}

/** One item of the declaration: its tariff line (searched), the goods, their figures and the documents cited. */
export function ItemFields({ index, item, isVehicle, countries, invoiceCurrency, onRemove, onChange }: ItemFieldsProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const at = `items[${index}]`;
  const number = index + 1;
  const set = <K extends keyof ItemDraft>(name: K) => (value: ItemDraft[K]) => onChange({ ...item, [name]: value });

  return (
    <FieldGroup path={at} legend={t('customs.form.item', { number })} className="fieldset item-card stack">
      <div className="item-card__fields">
        <TextField path={`${at}.hsCode`} label={t('customs.items.hsCode')} hint={t('customs.form.hsCodeHint')} value={item.hsCode} onChange={set('hsCode')} dir="ltr" inputMode="decimal" autoComplete="off" />
        <div className="item-card__wide">
          <HsCodeSearch
            itemNumber={number}
            onChoose={(match) => {
              onChange({ ...item, hsCode: match.code, description: item.description.trim() ? item.description : match.description });
              setChosen(match.code);
            }}
          />
          <StatusMessage message={chosen ? t('customs.hs.chosen', { code: isolate(chosen), number }) : null} tone="success" />
        </div>
        <div className="item-card__wide">
          <TextField path={`${at}.description`} label={t('customs.items.description')} value={item.description} onChange={set('description')} dir="auto" />
        </div>
        <SelectField path={`${at}.origin`} label={t('customs.items.origin')} value={item.origin} choices={countries} placeholder onChange={set('origin')} />
        <TextField path={`${at}.quantity.amount`} label={t('customs.form.quantity')} value={item.quantityAmount} onChange={set('quantityAmount')} inputMode="decimal" dir="ltr" />
        <TextField path={`${at}.quantity.unit`} label={t('customs.form.unit')} hint={t('customs.form.unitHint')} value={item.quantityUnit} onChange={set('quantityUnit')} dir="ltr" autoComplete="off" />
        <TextField path={`${at}.grossMassKg`} label={t('customs.form.grossMass')} value={item.grossMassKg} onChange={set('grossMassKg')} inputMode="decimal" dir="ltr" />
        <TextField path={`${at}.netMassKg`} label={t('customs.form.netMass')} value={item.netMassKg} onChange={set('netMassKg')} inputMode="decimal" dir="ltr" />
        <TextField
          path={`${at}.customsValue`}
          label={t('customs.form.customsValue', { currency: invoiceCurrency || '—' })}
          value={item.customsValue}
          onChange={set('customsValue')}
          inputMode="decimal"
          dir="ltr"
        />
      </div>
      {isVehicle ? (
        <FieldGroup path={`${at}.vehicle`} legend={t('customs.form.vehicle')} className="fieldset stack">
          <div className="item-card__fields">
            <TextField path={`${at}.vehicle.vin`} label={t('customs.form.vin')} hint={t('customs.form.vinHint')} value={item.vin} onChange={set('vin')} dir="ltr" autoComplete="off" />
            <TextField path={`${at}.vehicle.firstRegistrationYear`} label={t('customs.form.firstRegistrationYear')} value={item.firstRegistrationYear} onChange={set('firstRegistrationYear')} inputMode="numeric" dir="ltr" />
            <TextField path={`${at}.vehicle.engineCapacityCc`} label={t('customs.form.engineCapacityCc')} value={item.engineCapacityCc} onChange={set('engineCapacityCc')} inputMode="numeric" dir="ltr" />
          </div>
        </FieldGroup>
      ) : null}
      <PreferenceField path={`${at}.preferenceClaimed`} checked={item.preferenceClaimed} onChange={set('preferenceClaimed')} />
      <CitedDocuments path={`${at}.documents`} number={number} documents={item.documents} onChange={set('documents')} />
      {onRemove ? (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={onRemove}>
            {t('customs.form.removeItem', { number })}
          </button>
        </div>
      ) : null}
    </FieldGroup>
  );
}

function PreferenceField({ path, checked, onChange }: { path: string; checked: boolean; onChange(value: boolean): void }) {
  const { t } = useTranslation();
  const id = useFieldId(path);
  const objection = useObjection(path);
  return (
    <div>
      {objection ? (
        <p id={`${id}-error`} className="field__error" lang={objection.language}>
          {objection.text}
        </p>
      ) : null}
      <div className="checkbox">
        <input id={id} name={path} type="checkbox" checked={checked} aria-invalid={objection ? true : undefined} aria-describedby={objection ? `${id}-error` : undefined} onChange={(event) => onChange(event.target.checked)} />
        <label htmlFor={id}>{t('customs.form.preference')}</label>
      </div>
    </div>
  );
}

function CitedDocuments({ path, number, documents, onChange }: { path: string; number: number; documents: DocumentDraft[]; onChange(documents: DocumentDraft[]): void }) {
  const { t } = useTranslation();
  const names = useCustomsNames();
  const typeChoices = DOCUMENT_TYPES.map((type) => ({ value: type, label: names.documentType(type) }));
  const replace = (row: number, document: DocumentDraft) => onChange(documents.map((candidate, at) => (at === row ? document : candidate)));
  return (
    <FieldGroup path={path} legend={t('customs.form.documents', { number })} className="fieldset fieldset--nested">
      <p className="field__hint">{t('customs.form.documentsHint')}</p>
      {documents.map((document, row) => (
        <div key={document.key} className="document-row">
          <SelectField
            path={`${path}[${row}].type`}
            label={t('customs.form.documentType', { row: row + 1 })}
            value={document.type}
            choices={typeChoices}
            onChange={(type) => replace(row, { ...document, type: type as DocumentDraft['type'] })}
          />
          <TextField path={`${path}[${row}].reference`} label={t('customs.form.documentReference', { row: row + 1 })} value={document.reference} onChange={(reference) => replace(row, { ...document, reference })} dir="ltr" autoComplete="off" />
          <button type="button" className="button button--secondary button--small" onClick={() => onChange(documents.filter((_, at) => at !== row))}>
            {t('customs.form.removeDocument', { row: row + 1 })}
          </button>
        </div>
      ))}
      <div className="actions">
        <button type="button" className="button button--secondary button--small" onClick={() => onChange([...documents, newDocument('import_licence')])}>
          {t('customs.form.addDocument', { number })}
        </button>
      </div>
    </FieldGroup>
  );
}
