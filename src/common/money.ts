/**
 * Amounts in euro, stored as integer cents (DESIGN: money is cents): what a form accepts, what
 * it shows again, and how a page writes it. One place for the academy's prices and the guide's
 * mantelzorgpremie.
 */

/** What a price field accepts: "", "25", "12,50" or "12.5" (at most 99,999.99). */
export const EURO_AMOUNT = /^$|^\d{1,5}(?:[.,]\d{1,2})?$/;

/** "12,50" → 1250; "" → 0 (the text matched EURO_AMOUNT). */
export function centsOf(euros: string): number {
  if (!euros) return 0;
  const [whole, cents = ''] = euros.split(/[.,]/);
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/** 1250 → "12,50"; 2500 → "25": the form's value again. */
export function eurosText(cents: number): string {
  if (cents % 100 === 0) return String(cents / 100);
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/** 1250 → "€ 12,50", 120000 → "€ 1.200,00": as a page shows it (nl-BE). */
export function formatEuros(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return `€ ${euros.toLocaleString('nl-BE')},${rest}`;
}
