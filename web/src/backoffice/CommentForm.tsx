import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../applications/types';
import { Field } from '../forms/Field';
import { fieldMessages } from '../forms/fieldMessages';
import { useSubmission } from '../forms/useSubmission';
import { useSession } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';

/**
 * Adds to the file's history: an internal note, which only staff ever see, or a message the
 * applicant reads. Internal is the default, so that a slip keeps a note private rather than
 * sending it to the applicant.
 */
export function CommentForm({ applicationId, onAdded }: { applicationId: string; onAdded(): Promise<void> }) {
  const { t } = useTranslation();
  const { request } = useSession();
  const { pending, error, run } = useSubmission();
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(true);
  // Which note was added, worded at render time so that it follows a language switch.
  const [added, setAdded] = useState<'internal' | 'message' | null>(null);
  const ids = useId();
  const messages = fieldMessages(error, 'body');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    void run(async () => {
      await request<TimelineEntry>(`/api/applications/${encodeURIComponent(applicationId)}/comments`, {
        method: 'POST',
        body: { text, internal },
      });
      setText('');
      await onAdded();
      setAdded(internal ? 'internal' : 'message');
    });
  }

  return (
    <form className="form comment-form" aria-labelledby={`${ids}-title`} onSubmit={submit}>
      <h3 id={`${ids}-title`}>{t('backOffice.comment.title')}</h3>
      <fieldset className="fieldset">
        <legend>{t('backOffice.comment.visibility')}</legend>
        {([true, false] as const).map((choice) => (
          <div key={String(choice)} className="checkbox">
            <input
              id={`${ids}-${choice ? 'internal' : 'message'}`}
              type="radio"
              name="visibility"
              checked={internal === choice}
              onChange={() => setInternal(choice)}
            />
            <label htmlFor={`${ids}-${choice ? 'internal' : 'message'}`}>
              {t(choice ? 'backOffice.comment.internal' : 'backOffice.comment.message')}
            </label>
          </div>
        ))}
      </fieldset>
      <Field id={`${ids}-text`} label={t('backOffice.comment.text')} error={messages.get('text')}>
        {(control) => <textarea {...control} name="text" dir="auto" rows={4} value={text} onChange={(event) => setText(event.target.value)} />}
      </Field>
      <ErrorAlert error={messages.size > 0 ? null : error} />
      <StatusMessage
        message={added === null ? null : t(added === 'internal' ? 'backOffice.comment.addedInternal' : 'backOffice.comment.addedMessage')}
        tone="success"
      />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {t(internal ? 'backOffice.comment.submitInternal' : 'backOffice.comment.submitMessage')}
        </button>
      </div>
    </form>
  );
}
