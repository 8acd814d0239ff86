import { createHash } from 'node:crypto';

/**
 * The Message-ID of an outbox row, derived from its outbox and key (keys are unique per outbox,
 * not across municipalities). A row that is ever sent twice (see docs/mail.md) carries the same
 * Message-ID both times, so mail clients show it once.
 */
export function messageIdFor(tenantId: string | null, key: string, domain: string): string {
  const scope = tenantId ? `tenant:${tenantId}` : 'platform';
  const hash = createHash('sha256').update(`${scope}\n${key}`).digest('hex');
  return `<${hash}@${domain}>`;
}
