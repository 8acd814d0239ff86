import admin from './admin';
import auth from './auth';
import cafes from './cafes';
import common from './common';
import platform from './platform';
import reminderLinks from './reminder-links';
import reminders from './reminders';
import signups from './signups';
import wishes from './wishes';

/** All Dutch strings. A feature module adds its own file here, with keys that start with its name. */
export const nl: Record<string, string> = {
  ...common,
  ...auth,
  ...platform,
  ...admin,
  ...cafes,
  ...signups,
  ...wishes,
  ...reminders,
  ...reminderLinks,
};
