import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types';
import { Field } from '../forms/Field';
import type { FieldMessage } from '../forms/fieldMessages';
import { languages, textDirection } from '../i18n/languages';
import type { Localised } from './types';

interface LocalisedFieldsProps {
  idPrefix: string;
  /** The form's name for the object: `names`, `title`. */
  name: string;
  legend: string;
  value: Localised;
  onChange(value: Localised): void;
  messages: ReadonlyMap<string, FieldMessage>;
}

/** A name in each language of the platform, each typed in its own direction and announced in its own language. */
export function LocalisedFields({ idPrefix, name, legend, value, onChange, messages }: LocalisedFieldsProps) {
  const { t } = useTranslation();
  const set = (language: Language, text: string) => onChange({ ...value, [language]: text });
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {languages.map((language) => (
        <Field key={language} id={`${idPrefix}-${language}`} label={t(`exchange.inLanguage.${language}`)} error={messages.get(`${name}.${language}`)}>
          {(control) => (
            <input
              {...control}
              name={`${name}.${language}`}
              lang={language}
              dir={textDirection(language)}
              required
              maxLength={200}
              autoComplete="off"
              value={value[language]}
              onChange={(event) => set(language, event.target.value)}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}

export const emptyLocalised: Localised = { fr: '', ar: '', en: '' };

export const trimmedLocalised = (value: Localised): Localised => ({ fr: value.fr.trim(), ar: value.ar.trim(), en: value.en.trim() });
