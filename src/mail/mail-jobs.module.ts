import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DevMailbox } from './dev-mailbox';
import { MailDeliveryService } from './jobs/mail-delivery.service';
import { OutboxStore } from './outbox-store';
import { FileMailTransport } from './transports/file.transport';
import { MailTransport } from './transports/mail-transport';
import { SmtpMailTransport } from './transports/smtp.transport';

/** SMTP from SMTP_URL; without it, .eml files for the development mailbox (never in production). */
export function createMailTransport(config: AppConfig, mailbox: DevMailbox): MailTransport {
  if (config.SMTP_URL) return new SmtpMailTransport(config.SMTP_URL);
  if (config.isProduction) {
    throw new Error(
      'SMTP_URL is required in production: without it mail would only be written to files on this worker',
    );
  }
  return new FileMailTransport(mailbox);
}

/**
 * Sending mail: the `mail` queue's jobs (MailDeliveryService's `@OnJob`/`@OnSchedule` methods) and
 * its transport (WORKER_MODULES).
 */
@Module({
  providers: [
    OutboxStore,
    MailDeliveryService,
    { provide: MailTransport, inject: [AppConfig, DevMailbox], useFactory: createMailTransport },
  ],
})
export class MailJobsModule {}
