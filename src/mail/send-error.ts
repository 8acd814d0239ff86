/** What a failed send tells us, without the message or anything from its body. */
export interface SendFailure {
  /** True when retrying cannot help (the server refused the recipient or the message for good). */
  permanent: boolean;
  /** Short description for `last_error` and the logs: error code and SMTP reply code. */
  summary: string;
}

interface SmtpErrorLike {
  code?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

/**
 * SMTP 5xx on the envelope (RCPT TO: no such mailbox) or on the message (DATA: refused) is
 * permanent. Everything else is retried: 4xx (greylisting, full mailbox), a connection that fails,
 * even authentication errors (a wrong SMTP_URL is fixed by an operator, the mail should then go).
 */
export function classifySendError(error: unknown): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorLike;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const permanent =
    reply !== undefined && reply >= 500 && (e.code === 'EENVELOPE' || e.code === 'EMESSAGE');
  const parts = [e.code ?? (error instanceof Error ? error.name : 'Error')];
  if (reply !== undefined) parts.push(String(reply));
  if (e.command) parts.push(`on ${e.command}`);
  // The server's reply can name the recipient, never the body: keep it in the row, not the logs.
  const detail = typeof e.message === 'string' ? e.message.replace(/\s+/g, ' ').slice(0, 300) : '';
  return { permanent, summary: `${parts.join(' ')}${detail ? `: ${detail}` : ''}`.slice(0, 500) };
}

/** The log-safe part of a summary (code and reply code only). */
export function logSafe(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorLike;
  return [e.code ?? (error instanceof Error ? error.name : 'Error'), e.responseCode, e.command]
    .filter(Boolean)
    .join(' ');
}
