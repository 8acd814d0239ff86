import { randomBytes } from 'node:crypto';

/**
 * A certificate's verification code: 20 characters of a 32-character alphabet without the
 * characters people confuse (no I, O, 0, 1), so 5 random bits each: 100 bits, unguessable.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 20;
const FORMAT = /^[A-HJ-NP-Z2-9]{20}$/;

/** A fresh random code (crypto-strength: 20 × 5 bits from randomBytes). */
export function newCertificateCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte & 31];
  return code;
}

/**
 * A code as someone typed or followed it, normalised (upper case, without spaces or dashes), or
 * null when it cannot be a code at all: such a code is never looked up.
 */
export function normaliseCode(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const code = value.replace(/[\s-]/g, '').toUpperCase();
  return FORMAT.test(code) ? code : null;
}

/** The code in groups of five, easier to read and type: ABCDE-FGHJK-LMNPQ-RSTUV. */
export function groupedCode(code: string): string {
  return code.replace(/(.{5})(?=.)/g, '$1-');
}
