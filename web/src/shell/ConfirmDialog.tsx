import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm(): void;
  onCancel(): void;
  /** Where the focus goes if the opener is gone once the action is done (its row changed). */
  fallbackFocus?: RefObject<HTMLElement | null>;
}

/**
 * The confirmation step before an action that cannot be undone from the interface. A modal
 * <dialog> makes the rest of the page inert and closes on Escape; the focus starts on Cancel,
 * the harmless choice, and returns to the button that opened it (WAI-ARIA APG, alert dialog).
 * Shown by rendering it, closed by no longer rendering it.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, pending, error, onConfirm, onCancel, fallbackFocus } = props;
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    cancel.current?.focus();
    return () => {
      element.close();
      if (opener?.isConnected) opener.focus();
      else fallbackFocus?.current?.focus();
    };
    // Opened once per rendering; the fallback ref is read when it closes.
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div id={bodyId}>{children}</div>
      <ErrorAlert error={error} />
      <div className="dialog__actions">
        <button type="button" className="button button--danger" disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button button--secondary" disabled={pending} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
