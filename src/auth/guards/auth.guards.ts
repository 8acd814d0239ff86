import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ROLES, type Role } from '../entities/membership.entity';

/** Thrown where a login is needed; the exception filter turns it into a redirect to the login page. */
export class LoginRequiredException extends ForbiddenException {
  constructor(readonly returnTo: string) {
    super('Log eerst in.');
  }
}

@Injectable()
export class LoggedInGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!req.user) throw new LoginRequiredException(req.originalUrl);
    return true;
  }
}

/** Needs a membership of this request's municipality with one of the roles. */
export function roleGuard(roles: Role[]) {
  @Injectable()
  class RoleGuard implements CanActivate {
    canActivate(context: ExecutionContext): boolean {
      const req = context.switchToHttp().getRequest<Request>();
      if (!req.user) throw new LoginRequiredException(req.originalUrl);
      if (!req.membership || !roles.includes(req.membership.role)) throw new ForbiddenException();
      return true;
    }
  }
  return RoleGuard;
}

/** Platform admin on the platform host. */
@Injectable()
export class PlatformAdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    if (!req.user) throw new LoginRequiredException(req.originalUrl);
    if (res.locals.site?.kind !== 'platform' || !req.user.platformAdmin)
      throw new ForbiddenException();
    return true;
  }
}

export const RequireLogin = () => UseGuards(LoggedInGuard);
export const RequireRole = (...roles: Role[]) => applyDecorators(UseGuards(roleGuard(roles)));
/** Any member of this request's municipality (signed in elsewhere only: 403). */
export const RequireMember = () => RequireRole(...ROLES);
export const RequirePlatformAdmin = () => UseGuards(PlatformAdminGuard);
