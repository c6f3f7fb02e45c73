import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../api/useApiResource';
import { useFormats } from '../i18n/formats';
import { ErrorAlert, StatusMessage } from '../shell/ErrorAlert';
import { Loading } from '../shell/Loading';
import { PageHeading } from '../shell/PageHeading';
import type { MyMessage, MyMessagesPage as Page } from './types';

/** Messages a page: enough to find last month's, short enough to read on a phone. */
const PAGE = 20;

/**
 * What the platform wrote to me (e-mail, SMS), newest first. When no mail relay is configured
 * (the demo), this is the only place the messages can be read.
 */
export default function MyMessagesPage() {
  const { t } = useTranslation();
  const formats = useFormats();
  const [offset, setOffset] = useState(0);
  const mailbox = useApiResource<Page>(`/api/notifications/mine?limit=${PAGE}&offset=${offset}`);
  const page = mailbox.data;

  return (
    <div className="stack">
      <PageHeading>{t('notifications.title')}</PageHeading>
      <p className="lead">{t('notifications.intro')}</p>
      <StatusMessage
        message={
          page && page.total > 0 && !mailbox.loading
            ? t('notifications.range', { first: formats.number(offset + 1), last: formats.number(offset + page.items.length), total: formats.number(page.total) })
            : null
        }
      />
      <ErrorAlert error={mailbox.error} />
      {page === undefined ? (
        mailbox.loading ? <Loading /> : null
      ) : page.items.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('notifications.listLabel')}>
          {page.items.map((message) => (
            <li key={message.id}>
              <Message message={message} />
            </li>
          ))}
        </ul>
      )}
      {page && page.total > PAGE ? (
        <nav className="actions" aria-label={t('notifications.paging')}>
          <button type="button" className="button button--secondary" disabled={offset === 0 || mailbox.loading} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('notifications.newer')}
          </button>
          <button type="button" className="button button--secondary" disabled={offset + PAGE >= page.total || mailbox.loading} onClick={() => setOffset(offset + PAGE)}>
            {t('notifications.older')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}

/** One message: its subject and date, the body behind a disclosure (WAI-ARIA: native details/summary). */
function Message({ message }: { message: MyMessage }) {
  const { t } = useTranslation();
  const formats = useFormats();
  // Paragraphs are separated by a blank line in the plain-text body the server wrote.
  const paragraphs = message.bodyText.split(/\n{2,}/);
  return (
    <article className="stack">
      {/* Written in the reader's language of the day, which may not be today's (WCAG 2.2 SC 3.1.2). */}
      <h2 lang={message.locale} dir="auto">
        {message.subject ?? t('notifications.smsSubject')}
      </h2>
      <p className="field__hint">
        <time dateTime={message.createdAt}>{formats.dateTime(message.createdAt)}</time>
        {' · '}
        {t(`notifications.channel.${message.channel}`)}
        {' · '}
        <span dir="ltr">{message.address}</span>
        {' · '}
        {t(`notifications.status.${message.status}`)}
      </p>
      <details>
        <summary>{t('notifications.showBody')}</summary>
        <div lang={message.locale} dir="auto">
          {paragraphs.map((paragraph, index) => (
            <p key={index}>
              {paragraph.split('\n').map((line, at) => (
                <Fragment key={at}>
                  {at > 0 ? <br /> : null}
                  {line}
                </Fragment>
              ))}
            </p>
          ))}
        </div>
      </details>
    </article>
  );
}
