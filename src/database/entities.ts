import { AuthToken } from '../auth/entities/auth-token.entity';
import { Membership } from '../auth/entities/membership.entity';
import { SessionRow } from '../auth/entities/session.entity';
import { User } from '../auth/entities/user.entity';
import { StoredFile } from '../files/entities/stored-file.entity';
import { PlatformFile } from '../files/entities/platform-file.entity';
import { OutboxMessage } from '../mail/entities/outbox-message.entity';
import { PlatformOutboxMessage } from '../mail/entities/platform-outbox-message.entity';
import { OnboardingRequest } from '../platform/entities/onboarding-request.entity';
import { LegalPage } from '../tenancy/entities/legal-page.entity';
import { Tenant } from '../tenancy/entities/tenant.entity';
import { GeneralSearchDocument } from '../web/search/entities/general-search-document.entity';
import { SearchDocument } from '../web/search/entities/search-document.entity';

/**
 * The platform's entities. A feature's come with its manifest; `src/features.ts` joins them into
 * the one list the data source and the migration CLI use.
 */
export const PLATFORM_ENTITIES = [
  Tenant,
  LegalPage,
  StoredFile,
  PlatformFile,
  User,
  Membership,
  AuthToken,
  SessionRow,
  OutboxMessage,
  PlatformOutboxMessage,
  OnboardingRequest,
  SearchDocument,
  GeneralSearchDocument,
];
