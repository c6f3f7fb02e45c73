import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, clientErrorCodes } from '../api/client';

/** The server's own translated message when it sent one; otherwise the shell's wording. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === clientErrorCodes.network) return t('errors.network_unreachable');
    if (error.message) return error.message;
    return t('errors.unreadable_response', { status: error.status });
  }
  return t('errors.unreadable_response', { status: '—' });
}

/**
 * A live region that exists before any error does, so screen readers announce the message
 * the moment it appears (WCAG 2.2 SC 4.1.3 Status Messages).
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  // A server message keeps the language it was written in, even after a language switch,
  // so that screen readers pronounce it right (WCAG 2.2 SC 3.1.2 Language of Parts).
  const language = error instanceof ApiError && error.message ? error.language : undefined;
  return (
    <div className="live-region" aria-live="assertive" aria-atomic="true">
      {error ? (
        <p className="alert alert--error" role="alert">
          <span className="visually-hidden">{t('errors.prefix')}</span>
          <span lang={language}>{describeError(error, t)}</span>
        </p>
      ) : null}
    </div>
  );
}

/** A polite announcement: prompts and confirmations rather than failures. */
export function StatusMessage({ message, tone = 'info' }: { message: string | null; tone?: 'info' | 'success' }) {
  return (
    <div className="live-region" aria-live="polite" aria-atomic="true">
      {message ? <p className={`alert alert--${tone}`}>{message}</p> : null}
    </div>
  );
}
