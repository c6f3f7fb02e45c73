import { describe, expect, it } from 'vitest';
import { notificationConfig } from './config.ts';

describe('notification settings', () => {
  it('keeps e-mail in the local outbox when no SMTP relay is named', () => {
    expect(notificationConfig({})).toEqual({ smtpUrl: null, mailFrom: 'Guichet <no-reply@guichet.local>' });
    expect(notificationConfig({ SMTP_URL: '  ' }).smtpUrl).toBeNull();
  });

  it('reads the relay and the sender', () => {
    expect(notificationConfig({ SMTP_URL: 'smtp://mailer:s3cret@mail.gov.kd:587', MAIL_FROM: 'Guichet <guichet@gov.kd>' })).toEqual({
      smtpUrl: 'smtp://mailer:s3cret@mail.gov.kd:587',
      mailFrom: 'Guichet <guichet@gov.kd>',
    });
  });

  it('refuses a relay that is not SMTP, without echoing a password', () => {
    expect(() => notificationConfig({ SMTP_URL: 'https://mail.gov.kd' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => notificationConfig({ SMTP_URL: 'not a url with s3cret' })).toThrow(/^SMTP_URL must be a URL such as/);
    expect(() => notificationConfig({ SMTP_URL: 'not a url with s3cret' })).not.toThrow(/s3cret/);
  });

  it('refuses a sender without an address', () => {
    expect(() => notificationConfig({ MAIL_FROM: 'Guichet' })).toThrow(/MAIL_FROM/);
  });
});
