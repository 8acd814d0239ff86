import cafes from './cafes';
import finder from './finder';
import reminderLinks from './reminder-links';
import reminders from './reminders';
import signups from './signups';
import wishes from './wishes';

/** The cafés' Dutch strings (registered with the i18n catalog through the café's manifest). */
export const cafesNl: Record<string, string> = {
  ...cafes,
  ...signups,
  ...wishes,
  ...reminders,
  ...reminderLinks,
  ...finder,
};
