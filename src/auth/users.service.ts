import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { User } from './entities/user.entity';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The global `users` table (credentials only). */
@Injectable()
export class UsersService {
  private readonly repo: Repository<User>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.repo = dataSource.getRepository(User);
  }

  findById(id: string): Promise<User | null> {
    return this.repo.findOne({ where: { id } });
  }

  findByEmail(email: string, em?: EntityManager): Promise<User | null> {
    const repo = em ? em.getRepository(User) : this.repo;
    return repo.findOne({ where: { email: normalizeEmail(email) } });
  }

  /** The platform admins, by e-mail (they are few); `em` lets a caller read in its transaction. */
  platformAdmins(em?: EntityManager): Promise<User[]> {
    const repo = em ? em.getRepository(User) : this.repo;
    return repo.find({ where: { platformAdmin: true }, order: { email: 'ASC' } });
  }

  /** The e-mail address of each of these accounts, by user id. */
  async emailsByIds(ids: string[], em?: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const repo = em ? em.getRepository(User) : this.repo;
    const users = await repo.find({ where: { id: In(ids) }, select: { id: true, email: true } });
    return new Map(users.map((u) => [u.id, u.email]));
  }

  /** Finds or creates the account for an e-mail address (inside the caller's transaction). */
  async findOrCreate(em: EntityManager, email: string, values: Partial<User> = {}): Promise<User> {
    const repo = em.getRepository(User);
    await repo
      .createQueryBuilder()
      .insert()
      .values({ email: normalizeEmail(email), ...values })
      .orIgnore()
      .execute();
    return repo.findOneOrFail({ where: { email: normalizeEmail(email) } });
  }

  async update(id: string, values: Partial<User>, em?: EntityManager): Promise<void> {
    const repo = em ? em.getRepository(User) : this.repo;
    await repo.update({ id }, values);
  }
}
