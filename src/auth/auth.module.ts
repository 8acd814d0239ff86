import { Global, Module } from '@nestjs/common';
import { AuthTokensService } from './auth-tokens.service';
import { MembershipsService } from './memberships.service';
import { UsersService } from './users.service';

@Global()
@Module({ providers: [UsersService, MembershipsService, AuthTokensService], exports: [UsersService, MembershipsService, AuthTokensService] })
export class AuthModule {}
