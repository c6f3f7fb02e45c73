import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A record's facts as terms and their values. */
export function Facts({ facts }: { facts: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="archive-facts">
      {facts.map(([term, value]) => (
        <div key={term} className="archive-facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A code or identifier as written, left to right whatever the page's direction. */
export function Identifier({ value }: { value: string }) {
  return (
    <span className="identifier" dir="ltr">
      {value}
    </span>
  );
}

/** A record's description, as a card headed at the level of the page it sits on. */
export function DescriptionCard({ level, facts }: { level: 2 | 3; facts: readonly (readonly [string, ReactNode])[] }) {
  const { t } = useTranslation();
  const ids = useId();
  const Heading = `h${level}` as const;
  return (
    <section className="card" aria-labelledby={`${ids}-heading`}>
      <Heading id={`${ids}-heading`}>{t('archive.package.description')}</Heading>
      <Facts facts={facts} />
    </section>
  );
}
