import type { ReactNode } from 'react';
import type { FieldMessage } from './fieldMessages';

/** What a control needs to be announced with its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: FieldMessage | undefined;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled control with its hint and its error, both read out with it (WCAG 2.2 SC 3.3.1
 * Error Identification, 3.3.2 Labels or Instructions). The error sits above the control, where a
 * screen magnifier user looks before typing.
 */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error" lang={error.language}>
          {error.text}
        </p>
      ) : null}
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
    </div>
  );
}
