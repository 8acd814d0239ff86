/**
 * How the reminder mail's one-click links answer a token that does not act: one table for every
 * handler of reminder-links.controller.ts (the one-click sign-up's own outcomes are in
 * signups/signup-outcomes.ts).
 */
export const REMINDER_LINK_REFUSALS: Record<
  'invalid' | 'expired',
  { status: number; title: string; message: string }
> = {
  // Damaged, of another municipality, or naming a membership or café that is gone.
  invalid: { status: 404, title: 'reminderLinks.invalid.title', message: 'reminderLinks.invalid' },
  expired: { status: 400, title: 'reminderLinks.expired.title', message: 'reminderLinks.expired' },
};
