/** The organisations's Dutch strings (keys `guide.*`). */
export const ORGANISATIONS_STRINGS: Record<string, string> = {};
