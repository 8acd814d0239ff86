import { Global, Module } from '@nestjs/common';
import { MembershipsService } from './memberships.service';
import { UsersService } from './users.service';

@Global()
@Module({ providers: [UsersService, MembershipsService], exports: [UsersService, MembershipsService] })
export class AuthModule {}
