import { withoutControls } from '../input-guard';

/** The typed value of a field, as a form shows it again (the first of a field given twice). */
export function typed(values: Record<string, unknown>, field: string): string {
  const raw = values[field];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return typeof first === 'string' ? withoutControls(first) : '';
}
