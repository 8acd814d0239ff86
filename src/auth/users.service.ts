import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
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
