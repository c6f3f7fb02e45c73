import { createTransport } from 'nodemailer';
import type { OutgoingMessage, Send } from './outbox.ts';

/**
 * An SMS gateway. None ships yet: until an operator plugs one in, text messages wait in the local
 * outbox (status `kept`) like e-mails without SMTP. Note that accounts have no phone number yet.
 */
export interface SmsSender {
  send(to: string, text: string): Promise<void>;
}

/** E-mails through the SMTP relay named by `smtpUrl` (nodemailer parses user, password, port and TLS from it). */
export function smtpSend(smtpUrl: string, from: string): Send {
  const transport = createTransport(smtpUrl);
  return async (message) => {
    await transport.sendMail({
      from,
      to: message.address,
      subject: message.subject ?? '',
      text: message.bodyText,
      ...(message.bodyHtml ? { html: message.bodyHtml } : {}),
      headers: { 'Content-Language': message.locale },
    });
  };
}

export function smsSend(sender: SmsSender): Send {
  return (message: OutgoingMessage) => sender.send(message.address, message.bodyText);
}
