/** Job names on the `accounts` queue (QUEUES.accounts). */
export const ACCOUNT_JOBS = {
  /**
   * Mail a login or reset link to the typed address if it has an account. The form only queues
   * this job, the same for every address, so its answer (and timing) tells nothing.
   */
  sendLink: 'send-link',
  /**
   * The registration form's mail: a verification link for a new address, an offer to join for
   * an existing account. Queued alike for every address, like `send-link`.
   */
  register: 'register',
  /** Daily: delete used and expired auth tokens (and the unconfirmed registrations they hold). */
  purgeTokens: 'purge-tokens',
} as const;

/** Payload of `send-link`: what was typed, and on which host (null: the platform site). */
export interface SendLinkJobData {
  purpose: 'login' | 'reset';
  hostTenantId: string | null;
  email: string;
}

/**
 * Payload of `register`. `verifyTokenId` is chosen by the form (and kept with the password hash
 * in the registering browser's session); the job gives that id to the verification token.
 */
export interface RegisterJobData {
  hostTenantId: string;
  email: string;
  displayName: string;
  verifyTokenId: string;
}

/** Scheduler ids: `upsertJobScheduler` with the same id replaces, so re-declaring is harmless. */
export const ACCOUNT_SCHEDULERS = {
  // 03:45 Brussels time, every day.
  purgeTokens: { id: 'auth-tokens-purge', pattern: '0 45 3 * * *', tz: 'Europe/Brussels' },
} as const;
