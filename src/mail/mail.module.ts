import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../jobs/job-defaults';
import { DevMailbox } from './dev-mailbox';
import { DevMailboxController } from './dev-mailbox.controller';
import { MailRenderer } from './mail-renderer';
import { MailService } from './mail.service';

/**
 * Writing mail (outbox + dispatch), the `mail` queue and the development mailbox page. Sending is
 * in MailJobsModule, loaded only where jobs run.
 */
@Global()
@Module({
  imports: [
    BullModule.registerQueue({ name: QUEUES.mail, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ],
  controllers: [DevMailboxController],
  providers: [MailService, MailRenderer, DevMailbox],
  exports: [MailService, DevMailbox, BullModule],
})
export class MailModule {}
