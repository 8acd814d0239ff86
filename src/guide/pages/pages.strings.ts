/** The pages's Dutch strings (keys `guide.*`). */
export const PAGES_STRINGS: Record<string, string> = {};
