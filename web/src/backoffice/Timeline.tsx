import { useTranslation } from 'react-i18next';
import type { Localised, TimelineEntry } from '../applications/types';
import { useFormats, useLanguage } from '../i18n/formats';

interface TimelineProps {
  entries: readonly TimelineEntry[];
  /** The pinned workflow's states, to name the states a move went between. */
  states: readonly { id: string; label: Localised }[];
}

/** The file's history in the order it happened; staff-only notes are marked as such. */
export function Timeline({ entries, states }: TimelineProps) {
  const { t } = useTranslation();
  const formats = useFormats();
  const language = useLanguage();

  function stateName(id: string | null): string {
    if (id === null) return '—';
    const state = states.find((candidate) => candidate.id === id);
    return state ? state.label[language] : id;
  }

  function what(entry: TimelineEntry): string {
    if (entry.kind === 'transition') {
      const label = entry.label ? entry.label[language] : (entry.action ?? '');
      return t('backOffice.timeline.transition', { action: label, from: stateName(entry.fromState), to: stateName(entry.toState) });
    }
    if (entry.kind === 'comment') return t(entry.internal ? 'backOffice.timeline.kinds.internalNote' : 'backOffice.timeline.kinds.comment');
    return t(`backOffice.timeline.kinds.${entry.kind}`);
  }

  if (entries.length === 0) return <p className="empty-state">{t('backOffice.timeline.none')}</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id} className={entry.internal ? 'timeline__entry timeline__entry--internal' : 'timeline__entry'}>
          <p className="timeline__when">
            <time dateTime={entry.at}>{formats.dateTime(entry.at)}</time>
            {' · '}
            {entry.actor.kind === 'system' ? t('backOffice.timeline.platform') : <bdi>{entry.actor.label}</bdi>}
          </p>
          <p className="timeline__what">
            {what(entry)}
            {entry.internal ? (
              <>
                {' '}
                <span className="internal-badge">{t('backOffice.timeline.internal')}</span>
              </>
            ) : null}
          </p>
          {entry.comment ? (
            <p className="timeline__comment" dir="auto">
              {entry.comment}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
