import { GUIDE_PARTS } from '../../guide.parts';
import guide from './guide';

/** The Wegwijzer's Dutch strings: the shared ones here, each capability's from its part file. */
export const guideNl: Record<string, string> = Object.assign(
  { ...guide },
  ...GUIDE_PARTS.map((part) => part.strings),
);
