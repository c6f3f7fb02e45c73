import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import { useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/formats';
import type { ProcedureDefinition } from './definition';
import { libraryStrings, portalTemplates } from './formTemplates';
import { formContextFor, uiSchemaFor, wordValidationErrors } from './formUi';
import { InterpretingValidator } from './schemaValidator';

type Data = Record<string, unknown>;

/** Definitions write their form schemas in JSON Schema 2020-12 (see schemaValidator.ts). */
const validator = new InterpretingValidator();

/** The form library's instance, for the page to run its checks before a submission. */
export type FormHandle = Form<Data>;

interface ApplicationFormProps {
  definition: ProcedureDefinition;
  data: Data;
  readonly: boolean;
  /** The server's refusals, placed on their fields. */
  serverErrors?: ErrorSchema<Data>;
  onChange?(data: Data): void;
  formRef?: RefObject<FormHandle | null>;
}

/** A procedure's form, drawn from its schema, in the reader's language and direction. */
export function ApplicationForm({ definition, data, readonly, serverErrors, onChange, formRef }: ApplicationFormProps) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const uiSchema = useMemo(() => uiSchemaFor(definition, language), [definition, language]);
  const formContext = useMemo(() => formContextFor(definition, language), [definition, language]);
  const translateString = useMemo(
    () => libraryStrings((key) => t(key), (key) => i18n.exists(key)),
    // `t` keeps its identity across a language switch; the language itself says when to re-word.
    [t, i18n, language],
  );

  return (
    <Form<Data>
      // A new language redraws the form with its labels and messages.
      key={language}
      ref={formRef}
      className="form portal-form"
      schema={definition.form.schema as RJSFSchema}
      uiSchema={{ ...uiSchema, 'ui:globalOptions': { orderable: false } }}
      formData={data}
      formContext={formContext}
      validator={validator}
      templates={portalTemplates}
      translateString={translateString}
      transformErrors={(errors) => wordValidationErrors(errors, t)}
      extraErrors={serverErrors}
      readonly={readonly}
      showErrorList={false}
      noHtml5Validate
      focusOnFirstError
      // Nothing the applicant did not type: no empty array rows, no false for an unticked box.
      experimental_defaultFormStateBehavior={{
        arrayMinItems: { populate: 'never' },
        emptyObjectFields: 'skipEmptyDefaults',
        requiredBooleanDefault: 'skip',
      }}
      onChange={(event) => onChange?.((event.formData ?? {}) as Data)}
    />
  );
}
