import { Global, Module } from '@nestjs/common';
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
  exports: [UsersService, MembershipsService, AuthTokensService, InvitationsService],
})
export class AuthModule {}
