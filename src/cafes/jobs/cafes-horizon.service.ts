import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { TenantsService } from '../../tenancy/tenants.service';
import { MeetingsService } from '../meetings/meetings.service';

/**
 * The cross-tenant planner that keeps every café's meetings six months ahead: it loops over the
 * active municipalities (TenantsService.forEachActiveTenant) and opens one tenant transaction
 * each. Idempotent: a second run the same day creates nothing.
 */
@Injectable()
export class CafesHorizonService {
  private readonly logger = new Logger('CafesHorizon');

  constructor(
    private readonly tenants: TenantsService,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
  ) {}

  async fillAll(
    now = this.clock.now(),
  ): Promise<{ tenants: number; created: number; removed: number }> {
    const total = { tenants: 0, created: 0, removed: 0 };
    await this.tenants.forEachActiveTenant(async (tenantId, tenant) => {
      try {
        const r = await this.meetings.fillHorizon(tenantId, now);
        total.tenants += 1;
        total.created += r.created;
        total.removed += r.removed;
      } catch (e) {
        // One municipality's problem must not stop the others.
        this.logger.error(`horizon of ${tenant.slug} failed: ${(e as Error).message}`);
      }
    });
    return total;
  }
}
