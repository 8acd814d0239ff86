import type { FeatureManifest } from '../common/feature-manifest';
import { AcademyModule } from './academy.module';
import { ACADEMY_PARTS } from './academy.parts';
import { AcademyTemplateMaterial } from './common/entities/academy-template-material.entity';
import { AcademyTemplateSession } from './common/entities/academy-template-session.entity';
import { AcademyTemplate } from './common/entities/academy-template.entity';
import { Certificate } from './common/entities/certificate.entity';
import { CourseFeedback } from './common/entities/course-feedback.entity';
import { CourseQuestion } from './common/entities/course-question.entity';
import { CourseSession } from './common/entities/course-session.entity';
import { Course } from './common/entities/course.entity';
import { Enrollment } from './common/entities/enrollment.entity';
import { SessionAttendance } from './common/entities/session-attendance.entity';
import { academyNl } from './i18n/nl';
import { AcademyJobsModule } from './jobs/academy-jobs.module';

/** Mantelzorgacademie: everything the app needs to know about the feature, in one place. */
export const ACADEMY_FEATURE: FeatureManifest<'academy'> = {
  name: 'academy',
  module: AcademyModule,
  workerModule: AcademyJobsModule,
  entities: [
    AcademyTemplate,
    AcademyTemplateSession,
    AcademyTemplateMaterial,
    Course,
    CourseSession,
    CourseQuestion,
    Enrollment,
    SessionAttendance,
    Certificate,
    CourseFeedback,
  ],
  strings: { nl: academyNl },
  platformSeeders: ACADEMY_PARTS.flatMap((part) => part.platformSeeders),
  demoSeeders: ACADEMY_PARTS.flatMap((part) => part.demoSeeders),
  // "Mijn opleidingen" is reached from "mijn aanmeldingen" and the academy's pages: the header
  // stays short.
  navigation: [{ href: '/academie', label: 'nav.academy', order: 15, audience: 'tenant' }],
  adminLinks: [
    {
      href: '/beheer/academie',
      label: 'academy.admin.card',
      hint: 'academy.admin.card.hint',
      host: 'tenant',
    },
    {
      href: '/beheer/academie',
      label: 'academy.admin.card',
      hint: 'academy.admin.platformCard.hint',
      host: 'platform',
    },
  ],
};
