import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  SetMetadata,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { LoggedInGuard } from '../../auth/guards/auth.guards';
import { RequestContext } from '../../tenancy/request-context';
import { CourseAccessPolicy } from './course-access';
import type { Course } from './entities/course.entity';

/** The course of a management route, loaded and checked before pipes run. */
export interface CourseAccess {
  course: Course;
  right: 'admin' | 'trainer';
}

declare module 'express-serve-static-core' {
  interface Request {
    courseAccess?: CourseAccess;
  }
}

const NEEDED = 'academy:course-right';

/**
 * Management of a course: the course of `:slug` of this municipality, else 404; allowed by the
 * course access policy with the right the route needs, else 403. It runs before the validation
 * pipe and puts the course in the view locals, so a form shown again with errors still knows what
 * it is about.
 */
@Injectable()
export class CourseManagerGuard implements CanActivate {
  constructor(
    private readonly ctx: RequestContext,
    private readonly access: CourseAccessPolicy,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const needed = this.reflector.get<'admin' | 'trainer'>(NEEDED, context.getHandler()) ?? 'admin';
    const { slug } = req.params as { slug: string };
    const result = await this.access.resolve(this.ctx.tenantId, slug, req.membership, needed);
    if (!result.ok && result.reason === 'not-found') throw new NotFoundException();
    if (!result.ok) throw new ForbiddenException();
    req.courseAccess = { course: result.course, right: result.right };
    res.locals.course = result.course;
    res.locals.courseRight = result.right;
    return true;
  }
}

/**
 * Signed in, and allowed on the route's course: `admin` (a tenant admin) or `trainer` (its
 * linked trainer, or a tenant admin).
 */
export const ManageCourse = (needed: 'admin' | 'trainer') =>
  applyDecorators(SetMetadata(NEEDED, needed), UseGuards(LoggedInGuard, CourseManagerGuard));
