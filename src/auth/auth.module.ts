import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../jobs/job-defaults';
import { AccountController } from './account.controller';
import { AuthFlowsService } from './auth-flows.service';
import { AuthTokensService } from './auth-tokens.service';
import { InvitationController } from './invitation.controller';
import { InvitationsService } from './invitations.service';
import { LoginController } from './login.controller';
import { MembershipsService } from './memberships.service';
import { PasswordResetController } from './password-reset.controller';
import { RegistrationController } from './registration.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [
    BullModule.registerQueue({ name: QUEUES.accounts, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ],
  controllers: [
    LoginController,
    RegistrationController,
    PasswordResetController,
    AccountController,
    InvitationController,
  ],
  providers: [
    UsersService,
    MembershipsService,
    AuthTokensService,
    InvitationsService,
    AuthFlowsService,
  ],
  exports: [
    UsersService,
    MembershipsService,
    AuthTokensService,
    InvitationsService,
    AuthFlowsService,
    BullModule,
  ],
})
export class AuthModule {}
