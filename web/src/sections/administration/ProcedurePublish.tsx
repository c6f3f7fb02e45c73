import { useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Field } from '../../forms/Field';
import type { FieldMessage } from '../../forms/fieldMessages';
import { useSubmission } from '../../forms/useSubmission';
import { useFormats, useLanguage } from '../../i18n/formats';
import { isolate } from '../../i18n/languages';
import type { ProcedureDefinition } from '../../portal/definition';
import { useSession, useSignedInUser } from '../../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../../shell/ErrorAlert';
import { definitionSpots, nextVersionDraft, readDefinitionText, type DefinitionReading, type TextSpot } from './procedureText';

/** One problem of a refused definition, at its JSON pointer, worded by the server in the request's language. */
interface DefinitionProblem {
  path: string;
  code: string;
  message: string;
}

function isDefinitionProblem(value: unknown): value is DefinitionProblem {
  const problem = value as Partial<DefinitionProblem> | null;
  return typeof problem?.path === 'string' && typeof problem.message === 'string';
}

/** The problems of a `definition_invalid` refusal, in the language they are worded in; any other failure has none. */
function refusalOf(error: unknown): { problems: DefinitionProblem[]; language: string } {
  if (!(error instanceof ApiError) || error.code !== 'definition_invalid') return { problems: [], language: '' };
  const fields: unknown = (error.details as { fields?: unknown } | undefined)?.fields;
  return { problems: Array.isArray(fields) ? fields.filter(isDefinitionProblem) : [], language: error.language };
}

interface ProcedurePublishProps {
  current: ProcedureDefinition;
  /** Called as a publication is tried: an earlier confirmation no longer applies. */
  onAttempt(): void;
  /** Called when the server has published the text, with the new version number. */
  onPublished(version: number): void;
}

/**
 * Publishing the next version: pasted or loaded YAML or JSON, sent as it is. The server validates
 * it whole and publishes nothing when anything is wrong, listing each problem at its path; the
 * browser only reads the text, so the rules live in one place (src/modules/catalogue/validate.ts).
 */
export function ProcedurePublish({ current, onAttempt, onPublished }: ProcedurePublishProps) {
  const { t } = useTranslation();
  const { request } = useSession();
  const formats = useFormats();
  const language = useLanguage();
  const [text, setText] = useState(() => nextVersionDraft(current));
  const [unreadable, setUnreadable] = useState<Unreadable | null>(null);
  const [loadedFile, setLoadedFile] = useState<string | null>(null);
  const { pending, error, setError, run } = useSubmission();
  const editor = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const nextVersion = formats.number(current.version + 1);
  const refusal = refusalOf(error);
  const problems = refusal.problems;

  function replaceText(value: string) {
    setText(value);
    setUnreadable(null);
    setError(null);
  }

  async function load(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    replaceText(await file.text());
    setLoadedFile(t('procedures.publish.loaded', { name: isolate(file.name) }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onAttempt();
    setLoadedFile(null);
    const reading = readDefinitionText(text);
    if (!reading.ok) {
      setError(null);
      setUnreadable(reading);
      editor.current?.focus();
      return;
    }
    setUnreadable(null);
    await run(async () => {
      const published = await request<{ version: number }>('/api/catalogue/procedures', { method: 'POST', body: reading.definition });
      onPublished(published.version);
    });
  }

  function goTo(spot: TextSpot) {
    editor.current?.focus();
    editor.current?.setSelectionRange(spot.start, spot.end);
  }

  return (
    <form className="form card" aria-labelledby={`${ids}-title`} onSubmit={(event) => void submit(event)}>
      <h4 id={`${ids}-title`}>{t('procedures.publish.title')}</h4>
      <p>{t('procedures.publish.intro', { version: nextVersion })}</p>
      <PublishRightNote agency={current.agency} />
      <Field id={`${ids}-file`} label={t('procedures.publish.file')} hint={t('procedures.publish.fileHint')}>
        {(control) => <input {...control} type="file" accept=".yaml,.yml,.json,application/yaml,application/json" onChange={(event) => void load(event)} />}
      </Field>
      <StatusMessage message={loadedFile} />
      <Field
        id={`${ids}-text`}
        label={t('procedures.publish.text')}
        hint={t('procedures.publish.textHint')}
        error={unreadable ? readingMessage(unreadable, t, language) : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            ref={editor}
            name="definition"
            className="definition-editor"
            dir="ltr"
            rows={24}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            value={text}
            aria-invalid={control['aria-invalid'] ?? (problems.length > 0 ? true : undefined)}
            aria-describedby={[control['aria-describedby'], problems.length > 0 ? `${ids}-problems` : null].filter(Boolean).join(' ') || undefined}
            onChange={(event) => replaceText(event.target.value)}
          />
        )}
      </Field>
      <ErrorAlert error={error} />
      {problems.length > 0 ? <ProblemList id={`${ids}-problems`} problems={problems} language={refusal.language} text={text} onGoTo={goTo} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('procedures.publish.submitting') : t('procedures.publish.submit', { version: nextVersion })}
        </button>
        <button type="button" className="button button--secondary" disabled={pending} onClick={() => replaceText(nextVersionDraft(current))}>
          {t('procedures.publish.reset')}
        </button>
      </div>
    </form>
  );
}

type Unreadable = Exclude<DefinitionReading, { ok: true }>;

function readingMessage(reading: Unreadable, t: TFunction, language: string): FieldMessage {
  if (reading.problem === 'syntax') return { text: t('procedures.publish.syntax', { line: reading.line, column: reading.column }), language };
  return { text: t(`procedures.publish.${reading.problem}`), language };
}

interface ProblemListProps {
  id: string;
  problems: readonly DefinitionProblem[];
  /** The language the server wrote the messages in, which a later language switch does not change. */
  language: string;
  text: string;
  onGoTo(spot: TextSpot): void;
}

/** Each problem at its path, with a way to the line of the text it is about. */
function ProblemList({ id, problems, language, text, onGoTo }: ProblemListProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const spotOf = useMemo(() => definitionSpots(text), [text]);
  return (
    <ul id={id} className="definition-problems" aria-label={t('procedures.publish.problems')}>
      {problems.map((problem, index) => {
        const spot = spotOf(problem.path);
        return (
          <li key={index}>
            <code dir="ltr">{problem.path}</code>{' '}
            <span lang={language}>{problem.message}</span>{' '}
            {spot ? (
              <button type="button" className="button button--secondary button--small" onClick={() => onGoTo(spot)}>
                {t('procedures.publish.goTo', { line: formats.number(spot.line) })}
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Mirrors the policy (src/platform/auth/policy.ts, catalogue.publish) to warn before the server refuses. */
function PublishRightNote({ agency }: { agency: string }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const allowed = user.roles.some(
    (assignment) => assignment.role === 'platform_admin' || (assignment.role === 'agency_admin' && assignment.agencyCode === agency),
  );
  return allowed ? null : <p className="alert alert--warning">{t('procedures.publish.otherAgency')}</p>;
}
