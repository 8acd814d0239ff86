import { isUniqueViolation } from '../../database/unique-violation';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { replaceStoredFile, type StoredFileOwner } from '../../files/stored-files';
import { MailService } from '../../mail/mail.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { Cafe } from '../common/entities/cafe.entity';
import { MeetingNoticesService } from '../reminders/meeting-notices.service';
import { MeetingsService, type SyncResult } from '../meetings/meetings.service';

/** What an admin sets on a café (create and edit). */
export interface CafeInput {
  name: string;
  slug: string;
  description: string;
  venueName: string;
  venueAddress: string;
  venueDirections: string;
  stepFree: boolean;
  accessibleToilet: boolean;
  parking: boolean;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  recurrenceRule: string | null;
  ruleStartsOn: string | null;
  startTime: string;
  durationMinutes: number;
  defaultCapacity: number;
  reminderOffsets: number[];
}

export type CreateCafeResult = { ok: true; cafe: Cafe } | { ok: false; reason: 'slug-taken' };

export type UpdateCafeResult =
  { ok: true; cafe: Cafe; sync: SyncResult } | { ok: false; reason: 'not-found' | 'slug-taken' };

/** A tenant admin's work on cafés: create, edit (with its planning) and the photo. */
@Injectable()
export class CafesAdminService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly meetings: MeetingsService,
    private readonly notices: MeetingNoticesService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** Creates a café and fills its meetings six months ahead; refused when the slug is taken. */
  async create(
    tenantId: TenantId,
    input: CafeInput,
    now = this.clock.now(),
  ): Promise<CreateCafeResult> {
    return this.tx.run(tenantId, async (em): Promise<CreateCafeResult> => {
      if (await em.getRepository(Cafe).existsBy({ tenantId, slug: input.slug }))
        return { ok: false, reason: 'slug-taken' };
      const result = await em
        .getRepository(Cafe)
        .createQueryBuilder()
        .insert()
        .values({ tenantId, ...input })
        .orIgnore() // the same slug saved a moment ago by another request: taken, not a 500
        .returning('*')
        .execute();
      if (result.identifiers.length === 0 || !result.identifiers[0])
        return { ok: false, reason: 'slug-taken' };
      const cafe = await em
        .getRepository(Cafe)
        .findOneByOrFail({ tenantId, id: (result.identifiers[0] as { id: string }).id });
      await this.meetings.syncMeetings(em, tenantId, cafe, now);
      return { ok: true, cafe };
    });
  }

  /** Saves a café; a changed rule regenerates the untouched future meetings. */
  async update(
    tenant: MailTenant,
    cafeId: string,
    input: CafeInput,
    now = this.clock.now(),
  ): Promise<UpdateCafeResult> {
    const tenantId = tenant.id as TenantId;
    let venueChanged = false;
    const result = await this.tx
      .run(tenantId, async (em) => {
        const repo = em.getRepository(Cafe);
        // Locked as it is read: the venue compared below is the stored one, also when another
        // admin saved a moment ago (else a venue put back would tell nobody).
        const cafe = await repo.findOne({
          where: { tenantId, id: cafeId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!cafe) return { ok: false as const, reason: 'not-found' as const };
        if (input.slug !== cafe.slug && (await repo.existsBy({ tenantId, slug: input.slug })))
          return { ok: false as const, reason: 'slug-taken' as const };
        await repo.update({ tenantId, id: cafeId }, input);
        const saved = await repo.findOneByOrFail({ tenantId, id: cafeId });
        const sync = await this.meetings.syncMeetings(em, tenantId, saved, now);
        // A new place: everyone signed up for an upcoming meeting is told (with a new .ics).
        venueChanged =
          cafe.venueName !== saved.venueName || cafe.venueAddress !== saved.venueAddress;
        if (venueChanged) await this.notices.venueChanged(em, tenant, cafeId, now);
        return { ok: true as const, cafe: saved, sync };
      })
      .catch((error: unknown) => {
        // Another café took the same new slug a moment ago (its row was not visible to the check).
        if (isUniqueViolation(error, 'uq_cafes_slug'))
          return { ok: false as const, reason: 'slug-taken' as const };
        throw error;
      });
    if (result.ok && venueChanged) await this.mail.dispatch(tenantId);
    return result;
  }

  /**
   * Sets a café's photo (already checked and re-encoded) and its description, and drops the
   * previous photo (`replaceStoredFile`: one transaction, the café row locked, no orphan file).
   * Without `photo` only the description of the current photo changes. False when there is no
   * such café, or no photo to describe.
   */
  async setPhoto(
    tenantId: TenantId,
    cafeId: string,
    photo: { contentType: string; content: Buffer } | null,
    alt: string,
  ): Promise<boolean> {
    return this.tx.run(tenantId, async (em) => {
      if (!photo) {
        // One UPDATE: it waits for a removal in progress and then finds no photo to describe.
        const result = await em
          .getRepository(Cafe)
          .update({ tenantId, id: cafeId, photoFileId: Not(IsNull()) }, { photoAlt: alt });
        return (result.affected ?? 0) > 0;
      }
      const owner = this.photoOf(em, tenantId, cafeId, alt);
      return (await replaceStoredFile(em, tenantId, owner, photo)) !== null;
    });
  }

  /** Removes a café's photo (the file too). False when there was none. */
  async removePhoto(tenantId: TenantId, cafeId: string): Promise<boolean> {
    return this.tx.run(tenantId, async (em) => {
      const owner = this.photoOf(em, tenantId, cafeId, null);
      return !!(await replaceStoredFile(em, tenantId, owner, null))?.before;
    });
  }

  /** The café row as the owner of its photo, for `replaceStoredFile`. */
  private photoOf(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    alt: string | null,
  ): StoredFileOwner {
    return {
      lock: async () => {
        const [row] = await em.query<{ photo_file_id: string | null }[]>(
          'select photo_file_id from cafes where tenant_id = $1 and id = $2 for update',
          [tenantId, cafeId],
        );
        return row ? { fileId: row.photo_file_id } : null;
      },
      point: async (fileId) => {
        await em
          .getRepository(Cafe)
          .update({ tenantId, id: cafeId }, { photoFileId: fileId, photoAlt: fileId ? alt : null });
      },
    };
  }
}
