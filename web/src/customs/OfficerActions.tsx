import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/Field';
import { fieldMessages } from '../forms/fieldMessages';
import { useSubmission } from '../forms/useSubmission';
import { useSession } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { useCustomsNames } from './names';
import { awaitsInspection, mayBeRejected } from './officerMoves';
import { declarationApiPath } from './paths';
import { INSPECTION_OUTCOMES, type DeclarationDetail, type InspectionOutcome } from './types';

interface OfficerActionsProps {
  detail: DeclarationDetail;
  onChanged(): Promise<void>;
}

/**
 * What a customs officer does with a declaration: record the inspection of a yellow or red one
 * (conform, discrepancy, or seizure, which rejects it), or reject it with a reason the broker
 * reads. The server decides again; a refusal is shown, and the page reads the declaration anew.
 */
export function OfficerActions({ detail, onChanged }: OfficerActionsProps) {
  const { t } = useTranslation();
  const names = useCustomsNames();
  const [done, setDone] = useState<{ key: string; state: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();
  const inspectable = awaitsInspection(detail);
  const rejectable = mayBeRejected(detail);

  async function after(result: DeclarationDetail, key: string) {
    await onChanged();
    setDone({ key, state: result.state });
    heading.current?.focus();
  }

  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('customs.actions.title')}
      </h2>
      {/* Worded at render time, so it follows a language switch. */}
      <StatusMessage message={done ? t(done.key, { state: names.state(done.state) }) : null} tone="success" />
      {inspectable ? <InspectionForm reference={detail.reference} onDone={(result) => after(result, 'customs.actions.inspected')} onRefused={onChanged} /> : null}
      {rejectable ? <RejectForm reference={detail.reference} onDone={(result) => after(result, 'customs.actions.rejected')} onRefused={onChanged} /> : null}
      {!inspectable && !rejectable ? <p className="cell-note">{t('customs.actions.none')}</p> : null}
    </section>
  );
}

interface ActionFormProps {
  reference: string;
  onDone(result: DeclarationDetail): Promise<void>;
  onRefused(): Promise<void>;
}

function useOfficerRequest({ onDone, onRefused }: Pick<ActionFormProps, 'onDone' | 'onRefused'>) {
  const { request } = useSession();
  const submission = useSubmission();
  const send = (path: string, body: unknown) =>
    submission.run(
      async () => onDone(await request<DeclarationDetail>(path, { method: 'POST', body })),
      (failure) => {
        submission.setError(failure);
        // Someone else may have moved it meanwhile: show it as it now is.
        void onRefused();
      },
    );
  return { ...submission, send };
}

function InspectionForm({ reference, onDone, onRefused }: ActionFormProps) {
  const { t } = useTranslation();
  const names = useCustomsNames();
  const [outcome, setOutcome] = useState<InspectionOutcome>('conform');
  const [findings, setFindings] = useState('');
  const { pending, error, send } = useOfficerRequest({ onDone, onRefused });
  const messages = fieldMessages(error, 'body');
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(`${declarationApiPath(reference)}/inspection`, { outcome, findings: findings.trim() });
  }

  return (
    <form className="form action-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h3 id={`${id}-title`}>{t('customs.actions.inspection')}</h3>
      <ErrorAlert error={error} />
      <fieldset className="fieldset">
        <legend>{t('customs.actions.outcome')}</legend>
        {messages.get('outcome') ? <p className="field__error">{messages.get('outcome')?.text}</p> : null}
        <div className="outcome-choices">
          {INSPECTION_OUTCOMES.map((choice) => (
            <label key={choice}>
              <input type="radio" name="outcome" value={choice} checked={outcome === choice} onChange={() => setOutcome(choice)} />
              {names.outcome(choice)}
            </label>
          ))}
        </div>
        <p className="field__hint">{t('customs.actions.outcomeHint')}</p>
      </fieldset>
      <Field id={`${id}-findings`} label={t('customs.actions.findings')} hint={t('customs.actions.findingsHint')} error={messages.get('findings')}>
        {(control) => <textarea {...control} name="findings" dir="auto" rows={4} aria-required value={findings} onChange={(event) => setFindings(event.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className={outcome === 'seizure' ? 'button button--danger' : 'button'} disabled={pending}>
          {t('customs.actions.recordInspection')}
        </button>
      </div>
    </form>
  );
}

function RejectForm({ reference, onDone, onRefused }: ActionFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { pending, error, send } = useOfficerRequest({ onDone, onRefused });
  const messages = fieldMessages(error, 'body');
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(`${declarationApiPath(reference)}/reject`, { reason: reason.trim() });
  }

  return (
    <form className="form action-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h3 id={`${id}-title`}>{t('customs.actions.reject')}</h3>
      <ErrorAlert error={error} />
      <Field id={`${id}-reason`} label={t('customs.actions.reason')} hint={t('customs.actions.reasonHint')} error={messages.get('reason')}>
        {(control) => <textarea {...control} name="reason" dir="auto" rows={3} aria-required value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button button--danger" disabled={pending}>
          {t('customs.actions.confirmReject')}
        </button>
      </div>
    </form>
  );
}
