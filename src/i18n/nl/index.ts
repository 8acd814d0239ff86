import common from './common';

/** All Dutch strings. A feature module adds its own file here, with keys that start with its name. */
export const nl: Record<string, string> = {
  ...common,
};
