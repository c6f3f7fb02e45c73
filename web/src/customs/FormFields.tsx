import { createContext, use, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field';
import type { FieldMessage } from '../forms/fieldMessages';
import type { Choice } from './referenceLists';

interface FormPlaces {
  /** Prefix of the form's element ids, unique on the page. */
  idPrefix: string;
  /** The server's objections, by the path of the field or group they are about (fieldPlacement.ts). */
  objections: ReadonlyMap<string, FieldMessage>;
}

const PlacesContext = createContext<FormPlaces>({ idPrefix: 'declaration', objections: new Map() });

export const FormPlacesProvider = PlacesContext;

/** A field's element id from its API path: `items[0].hsCode` → `declaration-items-0-hsCode`. */
export function useFieldId(path: string): string {
  const { idPrefix } = use(PlacesContext);
  return `${idPrefix}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

export function useObjection(path: string): FieldMessage | undefined {
  return use(PlacesContext).objections.get(path);
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  /** Where the API reads the value: the field's objections are found by it. */
  path: string;
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
}

export function TextField({ path, label, hint, value, onChange, ...input }: TextFieldProps) {
  const id = useFieldId(path);
  return (
    <Field id={id} label={label} hint={hint} error={useObjection(path)}>
      {(control) => <input {...input} {...control} name={path} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}

interface SelectFieldProps {
  path: string;
  label: string;
  hint?: string;
  value: string;
  choices: readonly Choice[];
  /** Offered first with an empty value, when nothing is chosen by default. */
  placeholder?: boolean;
  onChange(value: string): void;
}

export function SelectField({ path, label, hint, value, choices, placeholder = false, onChange }: SelectFieldProps) {
  const { t } = useTranslation();
  const id = useFieldId(path);
  // A value the list does not hold (typed elsewhere, or the list not arrived yet) stays visible.
  const missing = value !== '' && !choices.some((choice) => choice.value === value);
  return (
    <Field id={id} label={label} hint={hint} error={useObjection(path)}>
      {(control) => (
        <select {...control} name={path} value={value} onChange={(event) => onChange(event.target.value)}>
          {placeholder ? <option value="">{t('customs.form.choose')}</option> : null}
          {missing ? <option value={value}>{value}</option> : null}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A group of fields (a party, an item, its documents) with the objections about the group as a whole. */
export function FieldGroup({ path, legend, className = 'fieldset', children }: { path: string; legend: ReactNode; className?: string; children: ReactNode }) {
  const id = useFieldId(path);
  const objection = useObjection(path);
  return (
    <fieldset className={className} aria-describedby={objection ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {objection ? (
        <p id={`${id}-error`} className="field__error" lang={objection.language}>
          {objection.text}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
