import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView, AvailableAction, Localised } from '../applications/types';
import { Field } from '../forms/Field';
import { fieldMessages } from '../forms/fieldMessages';
import { useSubmission } from '../forms/useSubmission';
import { isolate } from '../i18n/languages';
import { useSession, useSignedInUser } from '../session/SessionContext';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { administers, isCaseworker, worksFor } from './caseworker';
import { useLanguage } from '../i18n/formats';

interface CaseActionsProps {
  view: ApplicationView;
  /** Reads the file again: after every attempt, refused or not, the page shows it as it now is. */
  onChanged(): Promise<void>;
}

/**
 * Taking the file, giving it back, and the workflow's moves the server offers this officer now
 * (`actions`). A move that needs a reason opens a field for it; the server decides whether the
 * reason is there, and its refusal is shown next to the field.
 */
export function CaseActions({ view, onChanged }: CaseActionsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const user = useSignedInUser();
  const { pending, error, setError, run } = useSubmission();
  const [chosen, setChosen] = useState<string | null>(null);
  // What was done, worded at render time so that it follows a language switch.
  const [done, setDone] = useState<{ key: string; action?: Localised } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const ids = useId();

  const mine = view.assignedTo?.id === user.id;
  const releasable = mine || (view.assignedTo !== null && administers(user, view.holdingAgency));
  const claimable = isCaseworker(user) && view.holder === 'agency' && view.outcome === null && worksFor(user, view.holdingAgency);
  // An action the file no longer offers (someone else moved it) closes its form.
  const open = view.actions.find((action) => action.action === chosen) ?? null;

  function attempt(path: string, body: unknown, outcome: { key: string; action?: Localised }) {
    setDone(null);
    return run(
      async () => {
        await request<ApplicationView>(path, { method: 'POST', body });
        setChosen(null);
        await onChanged();
        setDone(outcome);
        heading.current?.focus();
      },
      (failure) => {
        setError(failure);
        void onChanged();
      },
    );
  }

  const casePath = `/api/cases/${encodeURIComponent(view.id)}`;

  return (
    <section className="card stack" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1}>
        {t('backOffice.actions.title')}
      </h2>
      <StatusMessage message={done ? t(done.key, { action: done.action?.[language] }) : null} tone="success" />
      <ErrorAlert error={error} />
      {claimable ? (
        <div className="actions">
          <p className="actions__note">
            {mine
              ? t('backOffice.actions.yours')
              : view.assignedTo
                ? t('backOffice.actions.heldBy', { name: isolate(view.assignedTo.label) })
                : t('backOffice.actions.nobody')}
          </p>
          {releasable ? (
            <button type="button" className="button button--secondary" disabled={pending} onClick={() => void attempt(`${casePath}/release`, undefined, { key: 'backOffice.actions.released' })}>
              {t('backOffice.actions.release')}
            </button>
          ) : view.assignedTo === null ? (
            <button type="button" className="button" disabled={pending} onClick={() => void attempt(`${casePath}/claim`, undefined, { key: 'backOffice.actions.claimed' })}>
              {t('backOffice.actions.claim')}
            </button>
          ) : null}
        </div>
      ) : null}
      {view.actions.length > 0 ? (
        <div className="actions">
          {view.actions.map((action) => (
            <button
              key={action.action}
              type="button"
              className={action.action === chosen ? 'button' : 'button button--secondary'}
              aria-expanded={action.action === chosen}
              aria-controls={action.action === chosen ? `${ids}-form` : undefined}
              disabled={pending}
              onClick={() => {
                setError(null);
                setChosen(action.action === chosen ? null : action.action);
              }}
            >
              {action.label[language]}
            </button>
          ))}
        </div>
      ) : (
        <p className="actions__note">{t('backOffice.actions.none')}</p>
      )}
      {open ? (
        <ActionForm
          key={open.action}
          id={`${ids}-form`}
          action={open}
          pending={pending}
          error={error}
          onCancel={() => {
            setChosen(null);
            setError(null);
          }}
          onConfirm={(comment) =>
            void attempt(
              `/api/applications/${encodeURIComponent(view.id)}/actions`,
              { action: open.action, ...(comment ? { comment } : {}) },
              { key: 'backOffice.actions.done', action: open.label },
            )
          }
        />
      ) : null}
    </section>
  );
}

interface ActionFormProps {
  id: string;
  action: AvailableAction;
  pending: boolean;
  error: unknown;
  onCancel(): void;
  onConfirm(comment: string): void;
}

/** Confirms one move, with its reason when the workflow asks for one (rejection, correction). */
function ActionForm({ id, action, pending, error, onCancel, onConfirm }: ActionFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [comment, setComment] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  // The officer chose this move: writing its reason comes next.
  useEffect(() => field.current?.focus(), []);
  // `comment_required` names no field, but it is about this one.
  const messages = fieldMessages(error, 'body', { comment_required: 'comment' });
  const label = action.label[language];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm(comment.trim());
  }

  return (
    <form id={id} className="form action-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>{label}</h3>
      <Field
        id={`${id}-comment`}
        label={action.requiresComment ? t('backOffice.actions.reason') : t('backOffice.actions.comment')}
        hint={action.requiresComment ? t('backOffice.actions.reasonHint') : t('backOffice.actions.commentHint')}
        error={messages.get('comment')}
      >
        {(control) => (
          <textarea
            {...control}
            ref={field}
            name="comment"
            dir="auto"
            rows={3}
            aria-required={action.requiresComment || undefined}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {t('backOffice.actions.confirm', { action: label })}
        </button>
        <button type="button" className="button button--secondary" disabled={pending} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
