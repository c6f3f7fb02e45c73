import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../forms/Field';
import { fieldMessages } from '../forms/fieldMessages';
import { useSubmission } from '../forms/useSubmission';
import { ErrorAlert } from '../shell/ErrorAlert';

interface ReasonFormProps {
  title: string;
  /** The label of the reason, and the server's lower bound on its length. */
  reasonLabel: string;
  reasonHint?: string;
  minLength: number;
  submitLabel: string;
  /** Fields before the reason (an access level, package identifiers). */
  children?: ReactNode;
  /** The request; the server's refusal is shown under the form, and the reason kept to correct it. */
  onSubmit(reason: string): Promise<void>;
  className?: string;
  /** The title's heading level, under the section the form sits in. */
  level?: 2 | 3 | 4;
}

/**
 * Every change in the archive says why: a hold, its lifting, a proposal, an access level, an access
 * request. The reason lands in the audit trail, the PREMIS event or the certificate.
 */
export function ReasonForm({ title, reasonLabel, reasonHint, minLength, submitLabel, children, onSubmit, className = 'form card', level = 3 }: ReasonFormProps) {
  const [reason, setReason] = useState('');
  const { pending, error, run } = useSubmission();
  const ids = useId();
  const Heading = `h${level}` as const;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(async () => {
      await onSubmit(reason.trim());
      setReason('');
    });
  }

  return (
    <form className={className} aria-labelledby={`${ids}-title`} onSubmit={submit}>
      <Heading id={`${ids}-title`}>{title}</Heading>
      {children}
      <Field id={`${ids}-reason`} label={reasonLabel} hint={reasonHint} error={fieldMessages(error, 'body').get('reason')}>
        {(control) => (
          <textarea {...control} name="reason" dir="auto" rows={2} required minLength={minLength} maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />
        )}
      </Field>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
