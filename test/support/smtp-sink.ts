import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(predicate: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** Make the next `count` deliveries fail with a temporary SMTP error (451). */
  failNext(count: number): void;
  /** Received in full, but the reply (250) withheld: the sender does not know it arrived. */
  held: ParsedMail[];
  /**
   * From now on answer `count` more messages normally, then hold every later one: it is received
   * (in `messages` and `held`) but never answered, so the sender keeps it "in flight" (for killing
   * a worker at a known moment of a send).
   */
  holdAfter(count: number): void;
  /** Answer later messages at once again (the held ones stay unanswered). */
  stopHolding(): void;
  /** Answer the held messages now (250) and every later one at once: the senders carry on. */
  answerHeld(): void;
  close(): Promise<void>;
}

export function recipient(m: ParsedMail): string {
  const to = Array.isArray(m.to) ? m.to[0] : m.to;
  return to?.value[0]?.address?.toLowerCase() ?? '';
}

/** A real SMTP server on loopback that keeps every message it accepts, parsed. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const held: ParsedMail[] = [];
  const heldReplies: (() => void)[] = [];
  let answerBeforeHolding = Infinity;
  const waiters: { predicate: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (failures > 0) {
        failures--;
        stream.resume();
        stream.on('end', () =>
          callback(Object.assign(new Error('try again later'), { responseCode: 451 })),
        );
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          for (const w of [...waiters]) {
            if (w.predicate(mail)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(mail);
            }
          }
          if (answerBeforeHolding > 0) {
            answerBeforeHolding--;
            callback();
          } else {
            held.push(mail); // no reply: the sender waits until it dies, or answerHeld()
            heldReplies.push(() => callback());
          }
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(predicate, timeoutMs = 15000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: ParsedMail) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(
            new Error(
              `no matching e-mail within ${timeoutMs} ms (received ${messages.length}: ${messages.map((m) => m.subject).join(' | ')})`,
            ),
          );
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    failNext(count) {
      failures = count;
    },
    held,
    holdAfter(count) {
      answerBeforeHolding = count;
    },
    stopHolding() {
      answerBeforeHolding = Infinity;
    },
    answerHeld() {
      answerBeforeHolding = Infinity;
      for (const reply of heldReplies.splice(0)) reply();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
