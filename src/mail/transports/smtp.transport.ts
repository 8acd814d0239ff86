import net from 'node:net';
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
      new SMTPPool({
        url,
        pool: true,
        ...SMTP_POOL,
        ...SMTP_TIMEOUTS,
        getSocket: connectWithoutDelay,
      }),
    );
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(toNodemailer(mail));
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

/**
 * Opens each pooled connection with TCP_NODELAY. nodemailer writes a message and its closing "."
 * separately; with Nagle's algorithm the "." then waits for the server's delayed ACK (about 40 ms
 * on Linux), once per message per connection, which caps a connection at ~25 messages a second
 * (docs/benchmarks.md). nodemailer still does the TLS (smtps, STARTTLS) on this socket.
 */
export function connectWithoutDelay(
  options: SMTPPool.Options,
  callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void,
): void {
  const port = Number(options.port) || (options.secure ? 465 : 587);
  const socket = net.connect({ host: options.host ?? 'localhost', port });
  socket.setNoDelay(true);
  const fail = (err: Error) => {
    clearTimeout(timer);
    socket.destroy();
    callback(err);
  };
  const timer = setTimeout(
    () => fail(Object.assign(new Error('SMTP connection timeout'), { code: 'ETIMEDOUT' })),
    SMTP_TIMEOUTS.connectionTimeout,
  );
  socket.once('error', fail);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.removeListener('error', fail);
    callback(null, { connection: socket });
  });
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
