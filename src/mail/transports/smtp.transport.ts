import nodemailer, { type Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { SMTP_POOL, SMTP_TIMEOUTS } from '../jobs/mail.constants';
import { MailTransport, type OutgoingMail } from './mail-transport';

/** Pooled SMTP from SMTP_URL (`smtp://user:pass@host:587`, `smtps://...:465`). */
export class SmtpMailTransport extends MailTransport {
  readonly parallel = SMTP_POOL.maxConnections;
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo>;

  constructor(url: string) {
    super();
    this.transporter = nodemailer.createTransport(
      new SMTPPool({ url, pool: true, ...SMTP_POOL, ...SMTP_TIMEOUTS }),
    );
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(toNodemailer(mail));
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

/** The nodemailer message for an outgoing mail; shared with the development transport. */
export function toNodemailer(mail: OutgoingMail): nodemailer.SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    messageId: mail.messageId,
    headers: mail.headers,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}
