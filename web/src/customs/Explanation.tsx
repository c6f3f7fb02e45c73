import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../i18n/formats';
import { explanationText } from './explanation';
import type { ExplanationPart } from './types';

/** Words one sentence of an assessment's or a channel decision's explanation in the reader's language. */
export function useExplain(): (part: ExplanationPart) => string {
  const { t, i18n } = useTranslation();
  const formats = useFormats();
  return useCallback(
    (part: ExplanationPart) => explanationText(part, { exists: (key) => i18n.exists(key), t: (key, params) => t(key, params) }, formats),
    [t, i18n, formats],
  );
}

/** Sentences in their order, as a list a screen reader announces with its length. */
export function ExplanationList({ parts }: { parts: readonly ExplanationPart[] }) {
  const explain = useExplain();
  if (parts.length === 0) return null;
  return (
    <ul className="explanation">
      {parts.map((part, index) => (
        <li key={index}>{explain(part)}</li>
      ))}
    </ul>
  );
}
