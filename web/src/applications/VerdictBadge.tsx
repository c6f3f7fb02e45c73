import { useTranslation } from 'react-i18next';
import type { Verdict } from './documents';
import './documents.css';

/** One shape per verdict, so that it reads without colour (WCAG 2.2 SC 1.4.1 Use of Color). */
const icons: Record<Verdict, string> = {
  // A tick in a circle.
  valid: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-1 10.4L3.8 8.2l1.1-1.1L7 9.2l4.1-4.1 1.1 1.1z',
  // A circle struck through: no longer in force.
  revoked: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM3 8a5 5 0 0 1 .9-2.9l7 7A5 5 0 0 1 3 8zm9.1 2.9-7-7A5 5 0 0 1 12.1 10.9z',
  // An hourglass run out.
  expired: 'M3 1h10v2c0 2-1.6 3.6-3.3 5 1.7 1.4 3.3 3 3.3 5v2H3v-2c0-2 1.6-3.6 3.3-5C4.6 6.6 3 5 3 3zm2 12h6c0-1.2-1.3-2.5-3-3.8-1.7 1.3-3 2.6-3 3.8z',
  // A cross in a triangle: not what the platform signed.
  forged: 'M8 1 15.5 14.5h-15zM5.9 6.4 7.3 8 5.9 9.6l.9.9L8.3 9l1.5 1.5.9-.9L9.2 8l1.5-1.6-.9-.9L8.3 7 6.8 5.5z',
};

/** A document's standing as a chip: icon, word and colour say the same thing. */
export function VerdictBadge({ verdict, large = false }: { verdict: Verdict; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`status verdict verdict--${verdict}${large ? ' verdict--large' : ''}`}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={icons[verdict]} fill="currentColor" fillRule="evenodd" />
      </svg>
      {t(`documents.verdict.${verdict}`)}
    </span>
  );
}
