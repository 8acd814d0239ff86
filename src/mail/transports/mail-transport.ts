/** A message as the transport sends it: built from one outbox row. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** `<hash@domain>`, derived from the outbox key (message-id.ts). */
  messageId: string;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/**
 * Where mail goes: SMTP (SMTP_URL set) or .eml files for development. The abstract class is the
 * injection token; the instance is created by `createMailTransport` in mail-jobs.module.ts.
 */
export abstract class MailTransport {
  /** How many messages may be on their way at once (the SMTP pool's connections). */
  abstract readonly parallel: number;
  /** Resolves when the server accepted the message; rejects with nodemailer's error otherwise. */
  abstract send(mail: OutgoingMail): Promise<void>;
  abstract close(): Promise<void>;
}
