import { ConfigError } from '../../platform/config.ts';

export interface NotificationConfig {
  /** smtp:// or smtps:// URL of the mail relay; null keeps every e-mail in the local outbox (demo, development). */
  smtpUrl: string | null;
  /** The From header of every e-mail, e.g. `Guichet <no-reply@guichet.local>`. */
  mailFrom: string;
}

export const DEFAULT_MAIL_FROM = 'Guichet <no-reply@guichet.local>';

/** Reads SMTP_URL (optional, e.g. smtp://user:pass@host:587) and MAIL_FROM, refusing what nodemailer could not use. */
export function notificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl !== null) {
    let protocol: string;
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      // The URL itself may hold a password: never echo it.
      throw new ConfigError('SMTP_URL must be a URL such as smtp://user:password@mail.example:587');
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got ${protocol}//`);
  }
  const mailFrom = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  if (!mailFrom.includes('@')) throw new ConfigError(`MAIL_FROM must hold an e-mail address, got "${mailFrom}"`);
  return { smtpUrl, mailFrom };
}
