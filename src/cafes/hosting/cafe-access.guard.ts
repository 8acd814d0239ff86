import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { LoggedInGuard } from '../../auth/guards/auth.guards';
import { RequestContext } from '../../tenancy/request-context';
import type { Cafe } from '../common/entities/cafe.entity';
import type { Meeting } from '../common/entities/meeting.entity';
import { CafeAccessPolicy } from './cafe-access';

/** The café (and meeting) of a management route, loaded and checked before pipes run. */
export interface CafeAccess {
  cafe: Cafe;
  meeting: Meeting | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    cafeAccess?: CafeAccess;
  }
}

/**
 * Management of a café: the café of `:slug` (and the meeting of `:meeting`) of this municipality,
 * else 404; allowed by the café access policy (a tenant admin or a host), else 403. It runs before the
 * validation pipe and puts the café and meeting in the view locals, so a form shown again with
 * errors still knows what it is about.
 */
@Injectable()
export class CafeManagerGuard implements CanActivate {
  constructor(
    private readonly ctx: RequestContext,
    private readonly access: CafeAccessPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const tenantId = this.ctx.tenantId;
    const { slug, meeting: key } = req.params as { slug: string; meeting?: string };
    const result = await this.access.resolve(tenantId, slug, key, req.membership);
    if (!result.ok && result.reason === 'not-found') throw new NotFoundException();
    if (!result.ok) throw new ForbiddenException();
    req.cafeAccess = { cafe: result.cafe, meeting: result.meeting };
    res.locals.cafe = result.cafe;
    res.locals.meeting = result.meeting;
    return true;
  }
}

/** Signed in, and a tenant admin or a host of the route's café. */
export const ManageCafe = () => applyDecorators(UseGuards(LoggedInGuard, CafeManagerGuard));
