import type { ApplicationEscalated, CaseTopics } from '../cases/index.ts';
import { getDefinition } from '../catalogue/index.ts';
import type { Db } from '../../platform/db/database.ts';
import type { EventBus, EventLogger } from '../../platform/events/index.ts';
import { applicantNotice } from './audience.ts';
import { applicantMessage, escalationMessage, type ComposedMessage } from './compose.ts';
import type { NotificationConfig } from './config.ts';
import { dispatch, type Send } from './outbox.ts';
import { activeUser, agencyAdministrators, agencyName, type Recipient } from './recipients.ts';
import { smsSend, smtpSend, type SmsSender } from './transports.ts';

export interface NotificationDeps {
  db: Db;
  config: NotificationConfig;
  /** Base of the links in messages, e.g. https://guichet.gov.kd */
  publicUrl: string;
  logger: EventLogger;
  /** An SMS gateway; without one, text messages are kept in the local outbox. */
  sms?: SmsSender;
}

/** The topics this module listens to, as the cases module publishes them (docs/applications.md). */
export type NotificationTopics = Pick<CaseTopics, 'application.state_changed' | 'application.escalated'>;

/** The subscriber name in `event_deliveries`: renaming it orphans pending deliveries. */
const SUBSCRIBER = 'notifications';

/**
 * Tells people about their files, from the outbox, never inside the request that moved the file: a
 * slow or absent mail relay cannot fail or delay a decision, and a failed send is retried by the bus.
 */
export function registerNotifications(bus: EventBus<NotificationTopics>, deps: NotificationDeps): void {
  const { db, logger } = deps;
  const base = deps.publicUrl.replace(/\/+$/, '');
  const transports = {
    email: deps.config.smtpUrl ? smtpSend(deps.config.smtpUrl, deps.config.mailFrom) : null,
    sms: deps.sms ? smsSend(deps.sms) : null,
  };

  /** E-mail, and SMS when the person has a phone number; returns the failures, so every message is tried before one is rethrown. */
  async function notify(eventId: number, recipient: Recipient, message: ComposedMessage, about: { type: string; id: string }): Promise<unknown[]> {
    const common = { recipientUserId: recipient.userId, locale: recipient.locale, relatedType: about.type, relatedId: about.id };
    const outgoing = [
      { ...common, channel: 'email' as const, address: recipient.email, subject: message.subject, bodyText: message.text, bodyHtml: message.html },
      ...(recipient.phone ? [{ ...common, channel: 'sms' as const, address: recipient.phone, subject: null, bodyText: message.sms, bodyHtml: null }] : []),
    ];
    const failures: unknown[] = [];
    for (const m of outgoing) {
      const send: Send | null = transports[m.channel];
      try {
        const outcome = await dispatch(db, send, { ...m, dedupeKey: `${eventId}:${recipient.userId}:${m.channel}` });
        logger.info({ eventId, channel: m.channel, recipient: recipient.userId, outcome }, 'notification handled');
      } catch (error) {
        failures.push(error);
      }
    }
    return failures;
  }

  bus.subscribe('application.state_changed', SUBSCRIBER, async ({ eventId, payload: change }) => {
    const definition = await getDefinition(db, change.procedureId, change.procedureVersion);
    const kind = applicantNotice(definition, change.fromState, change.toState);
    if (!kind) return;
    const applicant = await activeUser(db, change.applicantId);
    if (!applicant) return;
    const state = definition.workflow.states.find((s) => s.id === change.toState);
    const message = applicantMessage(kind, {
      locale: applicant.locale,
      name: applicant.name,
      reference: change.reference,
      procedure: definition.title[applicant.locale],
      state: state?.label[applicant.locale] ?? change.toState,
      comment: change.comment,
      url: `${base}/portal/applications/${change.applicationId}`,
    });
    throwFirst(await notify(eventId, applicant, message, { type: 'application', id: change.applicationId }));
  });

  bus.subscribe('application.escalated', SUBSCRIBER, async ({ eventId, payload }) => {
    const overdue: ApplicationEscalated = payload;
    // The issuing agency answers for the file; the holding one (a second agency's review) is where it waits.
    const holder = overdue.holdingAgencyCode;
    const admins = await agencyAdministrators(db, [...new Set([overdue.agencyCode, holder])]);
    const definition = await getDefinition(db, overdue.procedureId, overdue.procedureVersion);
    const failures: unknown[] = [];
    for (const admin of admins) {
      const message = escalationMessage({
        locale: admin.locale,
        name: admin.name,
        reference: overdue.reference,
        procedure: definition.title[admin.locale],
        state: definition.workflow.states.find((s) => s.id === overdue.state)?.label[admin.locale] ?? overdue.state,
        agency: await agencyName(db, holder, admin.locale),
        dueOn: overdue.dueOn,
        url: `${base}/back-office/cases/${overdue.applicationId}`,
      });
      failures.push(...(await notify(eventId, admin, message, { type: 'application', id: overdue.applicationId })));
    }
    throwFirst(failures);
  });
}

/** The bus retries the whole delivery; the messages that went through are skipped by their dedupe key. */
function throwFirst(failures: readonly unknown[]): void {
  if (failures.length > 0) throw failures[0];
}
