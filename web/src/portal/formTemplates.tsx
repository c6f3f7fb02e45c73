import { getDefaultRegistry } from '@rjsf/core';
import {
  englishStringTranslator,
  errorId,
  TranslatableString,
  type FieldErrorProps,
  type FieldTemplateProps,
  type IconButtonProps,
  type ObjectFieldTemplateProps,
  type TemplatesType,
} from '@rjsf/utils';
import type { PortalFormContext } from './formUi';

/**
 * The form library's templates dressed as the shell's own forms: a `.field` with its label, then
 * the error (above the control, as in forms/Field.tsx), then the control; the top-level fields
 * grouped into the definition's layout sections, one titled fieldset each; array buttons that say
 * what they do in words rather than icons.
 */

const defaults = getDefaultRegistry().templates;

function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, uiSchema, schema } = props;
  if (hidden) return <div hidden>{children}</div>;
  // A checkbox carries its label itself; an object or array titles its own fieldset.
  const ownLabel = displayLabel && uiSchema?.['ui:widget'] !== 'checkbox' && schema.type !== 'boolean';
  return (
    <div className="field">
      {ownLabel ? (
        <label htmlFor={id}>
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </label>
      ) : null}
      {displayLabel ? description : null}
      {errors}
      {children}
      {help}
    </div>
  );
}

function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const shown = errors.filter(Boolean);
  if (shown.length === 0) return null;
  return (
    <div id={errorId(fieldPathId)}>
      {shown.map((error, index) => (
        <p key={index} className="field__error">
          {error}
        </p>
      ))}
    </div>
  );
}

/** The root object in the layout's sections; nested objects as the library draws them. */
function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { fieldPathId, properties, registry } = props;
  const sections = (registry.formContext as PortalFormContext | undefined)?.sections;
  if (fieldPathId.path.length > 0 || !sections) return <defaults.ObjectFieldTemplate {...props} />;
  const placed = new Set(sections.flatMap((section) => section.fields));
  const rest = properties.filter((property) => !placed.has(property.name));
  return (
    <div className="portal-form__sections">
      {sections.map((section, index) => (
        <fieldset key={index} className="fieldset">
          <legend>{section.title}</legend>
          {section.fields.map((name) => properties.find((property) => property.name === name)?.content)}
        </fieldset>
      ))}
      {rest.map((property) => property.content)}
    </div>
  );
}

function textButton(text: TranslatableString, tone: 'secondary' | 'danger' = 'secondary') {
  return function TextButton(props: IconButtonProps) {
    const { iconType: _iconType, icon: _icon, className: _className, uiSchema: _uiSchema, registry, ...button } = props;
    return (
      <button type="button" className={`button button--small button--${tone}`} {...button}>
        {registry.translateString(text)}
      </button>
    );
  };
}

export const portalTemplates: Partial<TemplatesType> = {
  FieldTemplate,
  FieldErrorTemplate,
  ObjectFieldTemplate,
  ButtonTemplates: {
    ...defaults.ButtonTemplates,
    AddButton: textButton(TranslatableString.AddItemButton),
    RemoveButton: textButton(TranslatableString.RemoveButton, 'danger'),
    MoveUpButton: textButton(TranslatableString.MoveUpButton),
    MoveDownButton: textButton(TranslatableString.MoveDownButton),
    CopyButton: textButton(TranslatableString.CopyButton),
    ClearButton: textButton(TranslatableString.ClearButton),
  },
};

/** The library's own strings in the reader's language, where the portal catalogue has them. */
export function libraryStrings(t: (key: string) => string, exists: (key: string) => boolean) {
  return (text: TranslatableString, params?: string[]): string => {
    const name = (Object.keys(TranslatableString) as (keyof typeof TranslatableString)[]).find(
      (key) => TranslatableString[key] === text,
    );
    const key = `portal.form.library.${name ?? ''}`;
    if (!name || !exists(key)) return englishStringTranslator(text, params);
    return (params ?? []).reduce((message, param, index) => message.replace(`%${index + 1}`, param), t(key));
  };
}
