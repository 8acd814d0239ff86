import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { EventReminderPlannerService } from '../../events/reminders/event-reminder-planner.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { CourseReminderSource } from './course-reminders.source';

/**
 * The course reminders of one municipality: the shared planner (EventReminderPlannerService)
 * over CourseReminderSource. Stateless: run twice, or on two workers, each reminder is written
 * once (the outbox key is unique).
 */
@Injectable()
export class CourseReminderPlannerService {
  constructor(
    private readonly planner: EventReminderPlannerService,
    private readonly source: CourseReminderSource,
    private readonly clock: Clock,
  ) {}

  async planTenant(
    tenant: MailTenant,
    now = this.clock.now(),
  ): Promise<{ sessions: number; queued: number }> {
    const r = await this.planner.plan(this.source.forTenant(tenant), now);
    return { sessions: r.events, queued: r.queued };
  }
}
