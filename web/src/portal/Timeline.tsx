import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../applications/types';
import { useFormats, useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';

/** What happened to the file, oldest first, as the applicant may see it. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  return (
    <section className="card" aria-labelledby="file-timeline">
      <h2 id="file-timeline">{t('portal.timeline.title')}</h2>
      <ol className="portal-timeline">
        {entries
          .filter((entry) => !entry.internal)
          .map((entry) => (
            <li key={entry.id} className="portal-timeline__entry">
              <p className="portal-timeline__what">
                <strong>{entry.label ? entry.label[language] : t(`portal.timeline.kind.${entry.kind}`)}</strong>
              </p>
              <p className="cell-note">
                {t('portal.timeline.when', { at: formats.dateTime(entry.at), actor: isolate(entry.actor.label) })}
              </p>
              {entry.comment ? <blockquote className="portal-timeline__comment">{entry.comment}</blockquote> : null}
            </li>
          ))}
      </ol>
    </section>
  );
}

/** The officer's message that asked for the correction now under way, if any. */
export function correctionRequest(entries: readonly TimelineEntry[], state: string): TimelineEntry | null {
  const asked = entries.filter((entry) => entry.kind === 'transition' && entry.toState === state && entry.comment);
  return asked.at(-1) ?? null;
}
