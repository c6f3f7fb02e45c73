import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field';
import type { FieldMessage } from '../forms/fieldMessages';
import { useSubmission } from '../forms/useSubmission';
import { useLanguage } from '../i18n/formats';
import { currentLanguage } from '../i18n/languages';
import { useSession } from '../session/SessionContext';
import { ErrorAlert } from '../shell/ErrorAlert';
import { memberPath, parseJsonObject, registryFieldMessages } from './console';
import { emptyLocalised, LocalisedFields, trimmedLocalised } from './LocalisedFields';
import type { Member, Service } from './types';

interface ServiceFormProps {
  id: string;
  members: readonly Member[];
  onRegistered(service: Service): void;
  onCancel(): void;
}

const schemaFields = ['requestSchema', 'responseSchema'] as const;
type SchemaField = (typeof schemaFields)[number];

/** A starting point: the server checks each schema against JSON Schema 2020-12 and names the faulty spot. */
const skeleton = JSON.stringify({ type: 'object', required: [], properties: {} }, null, 2);

/**
 * Registers one version of a provider's service with its request and response JSON Schemas.
 * Versions are immutable: a changed contract is registered as a new version.
 */
export function ServiceForm({ id, members, onRegistered, onCancel }: ServiceFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const [provider, setProvider] = useState('');
  const [code, setCode] = useState('');
  const [version, setVersion] = useState('v1');
  const [title, setTitle] = useState(emptyLocalised);
  const [schemas, setSchemas] = useState<Record<SchemaField, string>>({ requestSchema: skeleton, responseSchema: skeleton });
  const [problems, setProblems] = useState<Partial<Record<SchemaField, 'notJson' | 'notObject'>>>({});
  const { pending, error, run } = useSubmission();
  const firstField = useRef<HTMLSelectElement>(null);
  const fields = registryFieldMessages(error);

  useEffect(() => firstField.current?.focus(), []);

  function messageFor(field: SchemaField): FieldMessage | undefined {
    const problem = problems[field];
    return problem ? { text: t(`exchange.json.${problem}`), language: currentLanguage() } : fields.get(field);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const requestSchema = parseJsonObject(schemas.requestSchema);
    const responseSchema = parseJsonObject(schemas.responseSchema);
    const found: Partial<Record<SchemaField, 'notJson' | 'notObject'>> = {};
    if (!requestSchema.ok) found.requestSchema = requestSchema.problem;
    if (!responseSchema.ok) found.responseSchema = responseSchema.problem;
    setProblems(found);
    if (!requestSchema.ok || !responseSchema.ok) {
      document.getElementById(`${id}-${requestSchema.ok ? 'responseSchema' : 'requestSchema'}`)?.focus();
      return;
    }
    const body = { code: code.trim(), version: version.trim(), title: trimmedLocalised(title), requestSchema: requestSchema.value, responseSchema: responseSchema.value };
    await run(async () => onRegistered({ ...(await request<Omit<Service, 'clients'>>(`${memberPath(provider)}/services`, { method: 'POST', body })), clients: [] }));
  }

  return (
    <form id={id} className="form card" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
      <h3 id={`${id}-title`}>{t('exchange.serviceForm.title')}</h3>
      <Field id={`${id}-provider`} label={t('exchange.serviceForm.provider')}>
        {(control) => (
          <select {...control} ref={firstField} name="provider" required value={provider} onChange={(event) => setProvider(event.target.value)}>
            <option value="">{t('exchange.serviceForm.chooseProvider')}</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.identifier} — {member.names[language]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="filters">
        <Field id={`${id}-code`} label={t('exchange.serviceForm.code')} hint={t('exchange.serviceForm.codeHint')} error={fields.get('code')}>
          {(control) => (
            <input {...control} name="code" dir="ltr" required pattern="[a-z0-9][a-z0-9_\-]{0,63}" autoComplete="off" spellCheck={false} value={code} onChange={(event) => setCode(event.target.value)} />
          )}
        </Field>
        <Field id={`${id}-version`} label={t('exchange.serviceForm.version')} hint={t('exchange.serviceForm.versionHint')} error={fields.get('version')}>
          {(control) => (
            <input {...control} name="version" dir="ltr" required autoComplete="off" spellCheck={false} value={version} onChange={(event) => setVersion(event.target.value)} />
          )}
        </Field>
      </div>
      <LocalisedFields idPrefix={`${id}-service-title`} name="title" legend={t('exchange.serviceForm.serviceTitle')} value={title} onChange={setTitle} messages={fields} />
      {schemaFields.map((field) => (
        <Field key={field} id={`${id}-${field}`} label={t(`exchange.serviceForm.${field}`)} hint={t('exchange.serviceForm.schemaHint')} error={messageFor(field)}>
          {(control) => (
            <textarea
              {...control}
              name={field}
              dir="ltr"
              rows={10}
              required
              spellCheck={false}
              className="schema-text"
              value={schemas[field]}
              onChange={(event) => setSchemas((previous) => ({ ...previous, [field]: event.target.value }))}
            />
          )}
        </Field>
      ))}
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('exchange.serviceForm.submitting') : t('exchange.serviceForm.submit')}
        </button>
        <button type="button" className="button button--secondary" disabled={pending} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
