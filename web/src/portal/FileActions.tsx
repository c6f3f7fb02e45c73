import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView, AvailableAction } from '../applications/types';
import { useSubmission } from '../forms/useSubmission';
import { useLanguage } from '../i18n/formats';
import { useSession } from '../session/SessionContext';
import { ConfirmDialog } from '../shell/ConfirmDialog';

interface FileActionsProps {
  file: ApplicationView;
  /** Actions the page offers elsewhere (resubmitting goes with the corrected form). */
  except: readonly string[];
  onDone(view: ApplicationView): void;
}

/** The applicant's other moves on the file (withdrawing…), each confirmed first. */
export function FileActions({ file, except, onDone }: FileActionsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState<AvailableAction | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const offered = file.actions.filter((action) => !except.includes(action.action));
  if (offered.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="file-actions">
      <h2 id="file-actions" ref={heading} tabIndex={-1}>
        {t('portal.file.otherActions')}
      </h2>
      <div className="actions">
        {offered.map((action) => (
          <button key={action.action} type="button" className="button button--secondary" onClick={() => setOpen(action)}>
            {action.label[language]}
          </button>
        ))}
      </div>
      {open ? (
        <ActionDialog
          file={file}
          action={open}
          fallbackFocus={heading}
          onCancel={() => setOpen(null)}
          onDone={(view) => {
            setOpen(null);
            onDone(view);
          }}
        />
      ) : null}
    </section>
  );
}

interface ActionDialogProps {
  file: ApplicationView;
  action: AvailableAction;
  fallbackFocus: RefObject<HTMLElement | null>;
  onCancel(): void;
  onDone(view: ApplicationView): void;
}

function ActionDialog({ file, action, fallbackFocus, onCancel, onDone }: ActionDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { request } = useSession();
  const { pending, error, run } = useSubmission();
  const [comment, setComment] = useState('');
  return (
    <ConfirmDialog
      title={t('portal.file.confirmTitle', { action: action.label[language] })}
      confirmLabel={action.label[language]}
      pending={pending}
      error={error}
      fallbackFocus={fallbackFocus}
      onCancel={onCancel}
      onConfirm={() =>
        void run(async () => {
          const view = await request<ApplicationView>(`/api/applications/${encodeURIComponent(file.id)}/actions`, {
            method: 'POST',
            body: { action: action.action, ...(comment.trim() ? { comment: comment.trim() } : {}) },
          });
          onDone(view);
        })
      }
    >
      <p>{t(action.action === 'withdraw' ? 'portal.file.confirmWithdraw' : 'portal.file.confirmAction')}</p>
      {action.requiresComment || action.action === 'withdraw' ? (
        <div className="field">
          <label htmlFor="action-comment">
            {action.requiresComment ? t('portal.file.comment') : t('portal.file.commentOptional')}
          </label>
          <textarea id="action-comment" value={comment} rows={3} onChange={(event) => setComment(event.target.value)} />
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
