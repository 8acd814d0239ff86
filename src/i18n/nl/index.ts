import admin from './admin';
import auth from './auth';
import common from './common';
import platform from './platform';

/**
 * The platform's Dutch strings. A feature's strings come with its manifest
 * (`src/<feature>/i18n/nl/`), registered at start (`registerStrings`).
 */
export const nl: Record<string, string> = {
  ...common,
  ...auth,
  ...platform,
  ...admin,
};
