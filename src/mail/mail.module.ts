import { Global, Module } from '@nestjs/common';
import { MailRenderer } from './mail-renderer';
import { MailService } from './mail.service';

@Global()
@Module({ providers: [MailService, MailRenderer], exports: [MailService] })
export class MailModule {}
