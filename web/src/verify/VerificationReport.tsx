import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VerdictBadge } from '../applications/VerdictBadge';
import { useAgencyByCode } from '../backoffice/agencyNames';
import { useFormats, useLanguage } from '../i18n/formats';
import { isolate } from '../i18n/languages';
import { fieldLabel, type VerificationResult, type VerifiedDocument } from './verification';

/**
 * The verdict in a word, an icon and a sentence, then what the issuer signed. A forged code shows
 * nothing it claims: what an altered payload says about itself is not evidence of anything.
 */
export function VerificationReport({ result }: { result: VerificationResult }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const agencyName = useAgencyByCode();
  const heading = useRef<HTMLHeadingElement>(null);
  const document = result.status === 'forged' ? null : result.document;

  // A new answer is where the reader goes next.
  useEffect(() => heading.current?.focus(), [result]);

  const issuer = document ? isolate(agencyName(document.issuer.agencyCode)) : '';
  return (
    <section className={`card stack verify-result verify-result--${result.status}`} aria-labelledby="verify-result">
      <h2 id="verify-result" ref={heading} tabIndex={-1}>
        {t('verify.result.title')}
      </h2>
      <p>
        <VerdictBadge verdict={result.status} large />
      </p>
      <p className="verify-result__sentence">
        {result.status === 'valid' ? t('verify.result.valid', { issuer }) : null}
        {result.status === 'expired' && document?.validUntil ? t('verify.result.expired', { issuer, date: formats.day(document.validUntil) }) : null}
        {result.status === 'revoked' ? t('verify.result.revoked', { issuer, date: result.revokedAt ? formats.date(result.revokedAt) : '—' }) : null}
        {result.status === 'forged' ? t('verify.result.forged') : null}
      </p>
      {result.status === 'revoked' && result.revocationReason ? (
        <blockquote className="verify-result__reason">
          <p className="cell-note">{t('verify.result.revocationReason')}</p>
          <p dir="auto">{result.revocationReason}</p>
        </blockquote>
      ) : null}
      {result.status === 'forged' ? <p>{t(`verify.forgedReason.${result.reason ?? 'malformed'}`, { defaultValue: t('verify.forgedReason.malformed') })}</p> : null}
      {document ? <SignedFacts document={document} /> : null}
    </section>
  );
}

function SignedFacts({ document }: { document: VerifiedDocument }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = useFormats();
  const agencyName = useAgencyByCode();
  return (
    <>
      <h3>{t('verify.result.signed')}</h3>
      <dl className="document-facts">
        {document.title ? <Fact term={t('verify.facts.document')}>{document.title[language]}</Fact> : null}
        <Fact term={t('verify.facts.number')}>
          <span dir="ltr">{document.number}</span>
        </Fact>
        <Fact term={t('verify.facts.holder')}>
          <bdi>{document.holder.name}</bdi>
        </Fact>
        <Fact term={t('verify.facts.issuer')}>
          {agencyName(document.issuer.agencyCode)} (<span dir="ltr">{document.issuer.agencyCode}</span>)
        </Fact>
        <Fact term={t('verify.facts.issuedAt')}>{formats.dateTime(document.issuedAt)}</Fact>
        <Fact term={t('verify.facts.validity')}>
          {document.validUntil
            ? t('documents.validBetween', { from: formats.day(document.validFrom), until: formats.day(document.validUntil) })
            : t('documents.validFrom', { from: formats.day(document.validFrom) })}
        </Fact>
        {document.fields.map((field, index) => (
          <Fact key={index} term={fieldLabel(field.label, language)}>
            <bdi>{field.value}</bdi>
          </Fact>
        ))}
        <Fact term={t('verify.facts.key')}>
          <span className="identifier" dir="ltr">
            {document.issuer.kid}
          </span>
        </Fact>
      </dl>
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
