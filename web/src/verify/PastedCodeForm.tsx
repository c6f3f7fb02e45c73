import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pastedPayload } from './verification';

interface PastedCodeFormProps {
  /** What the button says: "Verify" on the public page, "Check" at the border post. */
  submitLabel: string;
  pending: boolean;
  /** The payload as pasted, trimmed of what copying adds; empty when nothing usable was pasted. */
  onPayload(payload: string): void;
}

/** The code printed under a document's QR, pasted as text: for when no camera can read it. */
export function PastedCodeForm({ submitLabel, pending, onPayload }: PastedCodeFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [pasted, setPasted] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    onPayload(pastedPayload(pasted));
  }
  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-payload`}>{t('verify.paste.label')}</label>
        <p id={`${id}-payload-hint`} className="field__hint">
          {t('verify.paste.hint')}
        </p>
        <textarea
          id={`${id}-payload`}
          dir="ltr"
          rows={4}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-describedby={`${id}-payload-hint`}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
