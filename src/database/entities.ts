import { AuthToken } from '../auth/entities/auth-token.entity';
import { Membership } from '../auth/entities/membership.entity';
import { SessionRow } from '../auth/entities/session.entity';
import { User } from '../auth/entities/user.entity';
import { CafeFollow } from '../cafes/follows/entities/cafe-follow.entity';
import { CafeHost } from '../cafes/hosting/entities/cafe-host.entity';
import { Cafe } from '../cafes/common/entities/cafe.entity';
import { Meeting } from '../cafes/common/entities/meeting.entity';
import { Signup } from '../cafes/signups/entities/signup.entity';
import { WishVote } from '../cafes/wishes/entities/wish-vote.entity';
import { Wish } from '../cafes/wishes/entities/wish.entity';
import { StoredFile } from '../files/entities/stored-file.entity';
import { OutboxMessage } from '../mail/entities/outbox-message.entity';
import { PlatformOutboxMessage } from '../mail/entities/platform-outbox-message.entity';
import { OnboardingRequest } from '../platform/entities/onboarding-request.entity';
import { LegalPage } from '../tenancy/entities/legal-page.entity';
import { Tenant } from '../tenancy/entities/tenant.entity';

/** Every entity; a feature module adds its own here so migrations and the drift check see it. */
export const ENTITIES = [
  Tenant,
  LegalPage,
  StoredFile,
  User,
  Membership,
  AuthToken,
  SessionRow,
  OutboxMessage,
  PlatformOutboxMessage,
  OnboardingRequest,
  Cafe,
  CafeHost,
  Meeting,
  CafeFollow,
  Signup,
  Wish,
  WishVote,
];
