/**
 * Transformers for form values in DTOs (`@Transform(trim)`): everything a form posts arrives as a
 * string; anything else is left as it is for the validators to refuse.
 */

/** Without spaces around it. */
export const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** Multi-line text: line ends as `\n` (browsers post `\r\n`), without spaces around it. */
export const text = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value;

/** A whole number typed as digits (spaces around allowed), as a number; else left as it is. */
export const int = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
