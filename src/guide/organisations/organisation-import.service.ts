import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { TenantId } from '../../database/tenant-id';
import { RedisConnections } from '../../redis/redis.module';
import type { OrganisationInput } from './dto/organisation.dto';

/** How long a checked file waits for the admin's "Bevestigen". */
const IMPORT_TTL_SECONDS = 30 * 60;

/**
 * The checked rows of an uploaded file between the preview and the admin's confirmation, in
 * Redis for 30 minutes under a random id and the hub's key (another hub's id finds nothing).
 * Nothing reaches the directory before the confirmation.
 */
@Injectable()
export class OrganisationImportService {
  constructor(private readonly redis: RedisConnections) {}

  private key(tenantId: TenantId, id: string): string {
    return this.redis.key(`guide:organisation-import:${tenantId}:${id}`);
  }

  async put(tenantId: TenantId, rows: OrganisationInput[]): Promise<string> {
    const id = randomBytes(16).toString('hex');
    await this.redis.command.set(
      this.key(tenantId, id),
      JSON.stringify(rows),
      'EX',
      IMPORT_TTL_SECONDS,
    );
    return id;
  }

  /** The rows, taken out (a second confirmation finds nothing); null when gone or unknown. */
  async take(tenantId: TenantId, id: string): Promise<OrganisationInput[] | null> {
    if (!/^[0-9a-f]{32}$/.test(id)) return null;
    const json = await this.redis.command.getdel(this.key(tenantId, id));
    return json ? (JSON.parse(json) as OrganisationInput[]) : null;
  }

  /** Puts rows back after a refused confirmation (a name added meanwhile), for another try. */
  async restore(tenantId: TenantId, id: string, rows: OrganisationInput[]): Promise<void> {
    await this.redis.command.set(
      this.key(tenantId, id),
      JSON.stringify(rows),
      'EX',
      IMPORT_TTL_SECONDS,
    );
  }
}
