import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { EventReminderPlannerService } from '../../events/reminders/event-reminder-planner.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { TenantsService } from '../../tenancy/tenants.service';
import { CafeReminderSource } from './cafe-reminders.source';

export interface PlanResult {
  tenants: number;
  meetings: number;
  queued: number;
}

/**
 * The café reminder planner (a job every minute on the `reminders` queue): the shared planner
 * (src/events, EventReminderPlannerService) over the cafés' reminder source (CafeReminderSource),
 * per municipality. It derives from PostgreSQL what is due, so it keeps no state of its own:
 * running it twice, or on two workers at once, writes each reminder once (the outbox key is
 * unique); the mail queue sends them.
 */
@Injectable()
export class ReminderPlannerService {
  private readonly logger = new Logger('ReminderPlanner');

  constructor(
    private readonly tenants: TenantsService,
    private readonly planner: EventReminderPlannerService,
    private readonly source: CafeReminderSource,
    private readonly clock: Clock,
  ) {}

  /** Every active municipality, each in its own transactions; one failing stops no other. */
  async planAll(now = this.clock.now()): Promise<PlanResult> {
    const total: PlanResult = { tenants: 0, meetings: 0, queued: 0 };
    await this.tenants.forEachActiveTenant(async (tenantId, tenant) => {
      try {
        const r = await this.planTenant(tenant, now);
        total.tenants++;
        total.meetings += r.meetings;
        total.queued += r.queued;
      } catch (e) {
        this.logger.error(`reminders of ${tenant.slug} failed: ${(e as Error).message}`);
      }
    });
    if (total.queued > 0) this.logger.log(`queued ${total.queued} café reminders`);
    return total;
  }

  async planTenant(
    tenant: MailTenant,
    now = this.clock.now(),
  ): Promise<{ meetings: number; queued: number }> {
    const r = await this.planner.plan(this.source.forTenant(tenant), now);
    return { meetings: r.events, queued: r.queued };
  }
}
