import { Controller, Get, Inject, NotFoundException, Param, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config';
import { DevMailbox, devMailboxEnabled } from './dev-mailbox';
import { linkify } from './linkify';

/**
 * The development mailbox on the platform host (`/dev/mail`): what the development transport
 * wrote, newest first. Answers 404 in production and whenever SMTP_URL is set, before touching
 * any file, exactly like a route that does not exist.
 */
@Controller('_platform/dev/mail')
export class DevMailboxController {
  constructor(
    private readonly mailbox: DevMailbox,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  private ensureEnabled(): void {
    if (!devMailboxEnabled(this.config)) throw new NotFoundException();
  }

  @Get()
  @Render('dev/mailbox')
  async list() {
    this.ensureEnabled();
    const mails = await this.mailbox.list();
    return { title: 'Verstuurde e-mails (ontwikkeling)', mails, dir: this.mailbox.dir };
  }

  @Get(':id')
  @Render('dev/mailbox-message')
  async show(@Param('id') id: string) {
    this.ensureEnabled();
    const mail = await this.mailbox.read(id);
    if (!mail) throw new NotFoundException();
    return { title: mail.subject, mail, parts: linkify(mail.text) };
  }

  @Get(':id/eml')
  async raw(@Param('id') id: string, @Res() res: Response): Promise<void> {
    this.ensureEnabled();
    const raw = await this.mailbox.raw(id);
    if (!raw) throw new NotFoundException();
    res.set({
      'Content-Type': 'message/rfc822',
      'Content-Disposition': `attachment; filename="${id}.eml"`,
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(raw);
  }
}
