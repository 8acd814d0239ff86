import { ACADEMY_PARTS } from '../../academy.parts';
import academy from './academy';

/** The academy's Dutch strings: the shared ones here, each capability's from its part file. */
export const academyNl: Record<string, string> = Object.assign(
  { ...academy },
  ...ACADEMY_PARTS.map((part) => part.strings),
);
