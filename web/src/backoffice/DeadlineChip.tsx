import { useTranslation } from 'react-i18next';
import type { DeadlineStatus } from '../applications/types';
import { useFormats } from '../i18n/formats';

/** One shape per status, so that the status reads without colour (WCAG 2.2 SC 1.4.1 Use of Color). */
const icons: Record<DeadlineStatus, string> = {
  // A tick in a circle.
  on_time: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-1 10.4L3.8 8.2l1.1-1.1L7 9.2l4.1-4.1 1.1 1.1z',
  // An hourglass.
  due_soon: 'M3 1h10v2c0 2-1.6 3.6-3.3 5 1.7 1.4 3.3 3 3.3 5v2H3v-2c0-2 1.6-3.6 3.3-5C4.6 6.6 3 5 3 3zm2 2c0 1.2 1.3 2.5 3 3.8 1.7-1.3 3-2.6 3-3.8z',
  // An exclamation mark in a triangle.
  overdue: 'M8 1 15.5 14.5h-15zm-1 5v4h2V6zm0 5.2v1.8h2v-1.8z',
};

/** The step's due day with its status as a chip: icon, word and colour say the same thing. */
export function DeadlineChip({ status, dueOn }: { status: DeadlineStatus | null; dueOn: string | null }) {
  const { t } = useTranslation();
  const formats = useFormats();
  if (!dueOn) return <span className="cell-note">{t('backOffice.deadline.none')}</span>;
  return (
    <span className="deadline-cell">
      {status ? (
        <span className={`status deadline deadline--${status}`}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d={icons[status]} fill="currentColor" fillRule="evenodd" />
          </svg>
          {t(`backOffice.deadline.${status}`)}
        </span>
      ) : null}
      <span className="cell-note">
        {t('backOffice.deadline.dueOn', { date: formats.day(dueOn) })}
      </span>
    </span>
  );
}

/** The file went past its deadline and the agency administrator was told. */
export function EscalatedBadge() {
  const { t } = useTranslation();
  return <span className="escalated-badge">{t('backOffice.escalated')}</span>;
}
