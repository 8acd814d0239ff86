import type { FeatureManifest } from '../common/feature-manifest';
import { CalendarModule } from './calendar.module';
import { ActivityOccurrence } from './common/entities/activity-occurrence.entity';
import { Activity } from './common/entities/activity.entity';
import { calendarNl } from './i18n/nl';
import { CalendarJobsModule } from './jobs/calendar-jobs.module';
import { seedActivities } from './seed/seed-activities';

/** The calendar's activities (issue 12): everything the app needs to know about the feature. */
export const CALENDAR_FEATURE: FeatureManifest<'calendar'> = {
  name: 'calendar',
  module: CalendarModule,
  workerModule: CalendarJobsModule,
  entities: [Activity, ActivityOccurrence],
  strings: { nl: calendarNl },
  platformSeeders: [],
  demoSeeders: [(client, ctx) => seedActivities(client, ctx)],
  // The calendar itself is in the platform's navigation (/kalender).
  navigation: [
    {
      href: '/kalender/voorstellen',
      label: 'nav.activityProposals',
      order: 13,
      audience: 'professional',
    },
  ],
  adminLinks: [
    {
      href: '/beheer/activiteiten',
      label: 'activities.admin.card',
      hint: 'activities.admin.card.hint',
      host: 'tenant',
    },
  ],
};
