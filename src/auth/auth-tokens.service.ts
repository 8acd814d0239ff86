import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThan, MoreThan, Not } from 'typeorm';
import { AuthToken, AuthTokenPurpose } from './entities/auth-token.entity';

export function hashToken(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

export interface IssueTokenInput {
  /** Chosen by the caller when it must know the id before the token exists (registration). */
  id?: string;
  purpose: AuthTokenPurpose;
  email: string;
  userId?: string | null;
  hostTenantId?: string | null;
  role?: AuthToken['role'];
  displayName?: string | null;
  ttlMs: number;
}

/** Single-use e-mailed tokens. Only the hash is stored; the raw token goes into the e-mail link. */
@Injectable()
export class AuthTokensService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Issues a token inside the caller's transaction; returns the token and the row (for the outbox key). */
  async issue(
    em: EntityManager,
    input: IssueTokenInput,
  ): Promise<{ raw: string; token: AuthToken }> {
    const raw = randomBytes(32).toString('base64url');
    const repo = em.getRepository(AuthToken);
    const token = await repo.save(
      repo.create({
        ...(input.id ? { id: input.id } : {}),
        tokenHash: hashToken(raw),
        purpose: input.purpose,
        email: input.email,
        userId: input.userId ?? null,
        hostTenantId: input.hostTenantId ?? null,
        role: input.role ?? null,
        displayName: input.displayName ?? null,
        expiresAt: new Date(Date.now() + input.ttlMs),
      }),
    );
    return { raw, token };
  }

  /** The unused, unexpired token of this purpose for this host, without using it up. */
  find(
    purpose: AuthTokenPurpose,
    raw: string,
    hostTenantId: string | null,
  ): Promise<AuthToken | null> {
    return this.dataSource.getRepository(AuthToken).findOne({
      where: {
        tokenHash: hashToken(raw),
        purpose,
        usedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
        hostTenantId: hostTenantId ?? IsNull(),
      },
    });
  }

  /**
   * Uses the token up, atomically (two clicks at once: one wins). Returns it, or null when it is
   * unknown, used, expired, of another purpose or for another host.
   */
  async consume(
    em: EntityManager,
    purpose: AuthTokenPurpose,
    raw: string,
    hostTenantId: string | null,
  ): Promise<AuthToken | null> {
    const rows: AuthToken[] = await em
      .getRepository(AuthToken)
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where(
        'token_hash = :hash and purpose = :purpose and used_at is null and expires_at > now()',
        { hash: hashToken(raw), purpose },
      )
      .andWhere(hostTenantId ? 'host_tenant_id = :host' : 'host_tenant_id is null', {
        host: hostTenantId,
      })
      .returning('*')
      .execute()
      .then((r) => r.raw as AuthToken[]);
    if (rows.length === 0) return null;
    return em.getRepository(AuthToken).findOneOrFail({ where: { tokenHash: hashToken(raw) } });
  }

  /**
   * Voids the account's open login and reset links: a password change, a reset or "log out
   * everywhere" must also close the doors that were e-mailed before it (`em`: the caller's
   * transaction, so the change and the revocation commit together).
   */
  async revokeLinks(em: EntityManager, userId: string): Promise<void> {
    await em
      .getRepository(AuthToken)
      .update(
        { userId, purpose: In(['login', 'reset']), usedAt: IsNull() },
        { usedAt: new Date() },
      );
  }

  /**
   * Deletes used and expired tokens (the daily purge). Expired registration tokens are the
   * unconfirmed registrations (address and display name): they go with them.
   */
  async purge(): Promise<number> {
    const repo = this.dataSource.getRepository(AuthToken);
    const used = await repo.delete({ usedAt: Not(IsNull()) });
    const expired = await repo.delete({ expiresAt: LessThan(new Date()) });
    return (used.affected ?? 0) + (expired.affected ?? 0);
  }
}
