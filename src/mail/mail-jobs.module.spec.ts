import { loadConfig } from '../config/app-config';
import { devMailboxEnabled, DevMailbox } from './dev-mailbox';
import { createMailTransport } from './mail-jobs.module';
import { FileMailTransport } from './transports/file.transport';
import { SmtpMailTransport } from './transports/smtp.transport';

function config(env: Record<string, string>) {
  return loadConfig({
    DATABASE_URL: 'postgres://app@localhost/x',
    DATABASE_OWNER_URL: 'postgres://owner@localhost/x',
    REDIS_URL: 'redis://localhost:6379',
    MAIL_FROM: 'Mantelzorghub <noreply@mantelzorghub.be>',
    BASE_DOMAIN: 'localhost',
    PORT: '3000',
    SESSION_SECRET: 'x'.repeat(32),
    NODE_ENV: 'development',
    ...env,
  });
}

describe('mail transport and development mailbox selection', () => {
  it('uses pooled SMTP when SMTP_URL is set, and then has no development mailbox', async () => {
    const c = config({ SMTP_URL: 'smtp://127.0.0.1:2525' });
    const transport = createMailTransport(c, new DevMailbox(c));
    expect(transport).toBeInstanceOf(SmtpMailTransport);
    await transport.close();
    expect(devMailboxEnabled(c)).toBe(false);
  });

  it('keeps .eml files without SMTP_URL in development', async () => {
    const c = config({});
    const transport = createMailTransport(c, new DevMailbox(c));
    expect(transport).toBeInstanceOf(FileMailTransport);
    await transport.close();
    expect(devMailboxEnabled(c)).toBe(true);
  });

  it('refuses to run without SMTP_URL in production, and never shows the mailbox there', () => {
    const c = config({ NODE_ENV: 'production' });
    expect(() => createMailTransport(c, new DevMailbox(c))).toThrow(
      /SMTP_URL is required in production/,
    );
    expect(devMailboxEnabled(c)).toBe(false);
  });
});
