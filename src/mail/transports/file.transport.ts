import nodemailer, { type Transporter } from 'nodemailer';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import type { DevMailbox } from '../dev-mailbox';
import { MailTransport, type OutgoingMail } from './mail-transport';
import { toNodemailer } from './smtp.transport';

/** Development without SMTP_URL: every message becomes an .eml file shown on /dev/mail. */
export class FileMailTransport extends MailTransport {
  readonly parallel = 1;
  private readonly transporter: Transporter<StreamTransport.SentMessageInfo>;

  constructor(private readonly mailbox: DevMailbox) {
    super();
    this.transporter = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: 'windows',
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail(toNodemailer(mail));
    await this.mailbox.store(info.message as Buffer, {
      messageId: mail.messageId,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
