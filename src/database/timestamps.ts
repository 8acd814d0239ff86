import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** created_at / updated_at as timestamptz, shared by every table that has them. */
export abstract class Timestamps {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
