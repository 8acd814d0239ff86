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
import { CafesService } from '../cafes.service';
import type { Cafe } from '../common/entities/cafe.entity';
import type { Meeting } from '../common/entities/meeting.entity';
import { MEETING_KEY } from '../common/recurrence';

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
 * else 404; a tenant admin or a host of that café (cafe_hosts), else 403. It runs before the
 * validation pipe and puts the café and meeting in the view locals, so a form shown again with
 * errors still knows what it is about.
 */
@Injectable()
export class CafeManagerGuard implements CanActivate {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cafes: CafesService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const tenantId = this.ctx.tenantId;
    const { slug, meeting: key } = req.params as { slug: string; meeting?: string };
    const membership = req.membership;
    const result = await this.cafes.run(tenantId, async (em) => {
      const cafe = await this.cafes.findCafe(em, tenantId, slug);
      if (!cafe) return null;
      let meeting: Meeting | null = null;
      if (key !== undefined) {
        meeting = MEETING_KEY.test(key)
          ? await this.cafes.findMeeting(em, tenantId, cafe.id, key)
          : null;
        if (!meeting) return null;
      }
      const allowed =
        membership?.role === 'tenant_admin' ||
        (!!membership && (await this.cafes.isHost(em, tenantId, cafe.id, membership.id)));
      return { cafe, meeting, allowed };
    });
    if (!result) throw new NotFoundException();
    if (!result.allowed) throw new ForbiddenException();
    req.cafeAccess = { cafe: result.cafe, meeting: result.meeting };
    res.locals.cafe = result.cafe;
    res.locals.meeting = result.meeting;
    return true;
  }
}

/** Signed in, and a tenant admin or a host of the route's café. */
export const ManageCafe = () => applyDecorators(UseGuards(LoggedInGuard, CafeManagerGuard));
