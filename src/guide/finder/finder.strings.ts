/** The finder's Dutch strings (keys `guide.*`). */
export const FINDER_STRINGS: Record<string, string> = {};
