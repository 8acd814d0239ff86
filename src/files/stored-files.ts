import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../database/tenant-id';
import { StoredFile } from './entities/stored-file.entity';

/** An uploaded file (already checked and re-encoded: src/files/image-upload.ts), stored in `files`. */
export function saveStoredFile(
  em: EntityManager,
  tenantId: TenantId,
  file: { contentType: string; content: Buffer },
): Promise<StoredFile> {
  const repo = em.getRepository(StoredFile);
  return repo.save(
    repo.create({
      tenantId,
      contentType: file.contentType,
      byteSize: file.content.length,
      content: file.content,
    }),
  );
}

/** The row that points at a stored file: a café (its photo), a hub (its logo). */
export interface StoredFileOwner {
  /**
   * Locks the row until the transaction ends and returns the id of the file it points at (null:
   * none); null when there is no such row.
   */
  lock(): Promise<{ fileId: string | null } | null>;
  /** Points the row at `fileId` (null: no file), with anything that goes with it (a description). */
  point(fileId: string | null): Promise<void>;
}

/**
 * Points `owner` at a new file (or at none, with `file` null) and deletes the file it pointed at,
 * all in the caller's transaction with the owner's row locked first: two uploads at once run one
 * after the other, and every file stored is one that a row points at. The ids before and after;
 * null when the owner row does not exist (nothing is stored then).
 */
export async function replaceStoredFile(
  em: EntityManager,
  tenantId: TenantId,
  owner: StoredFileOwner,
  file: { contentType: string; content: Buffer } | null,
): Promise<{ before: string | null; after: string | null } | null> {
  const current = await owner.lock();
  if (!current) return null;
  const after = file ? (await saveStoredFile(em, tenantId, file)).id : null;
  await owner.point(after);
  if (current.fileId && current.fileId !== after)
    await em.getRepository(StoredFile).delete({ tenantId, id: current.fileId });
  return { before: current.fileId, after };
}

/** A stored file with its bytes (the content column is not selected by default), or null. */
export function readStoredFile(
  em: EntityManager,
  tenantId: TenantId,
  id: string,
): Promise<StoredFile | null> {
  return em
    .getRepository(StoredFile)
    .createQueryBuilder('f')
    .addSelect('f.content')
    .where('f.tenant_id = :tenantId and f.id = :id', { tenantId, id })
    .getOne();
}

/**
 * Sends a stored image (a logo, a café photo) to anyone: cached for a day (pages link it with a
 * version in the URL, so a new file loads at once), never sniffed as another type.
 */
export function sendStoredFile(res: Response, file: StoredFile): void {
  res.set({
    'Content-Type': file.contentType,
    'Cache-Control': 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
  });
  res.send(file.content);
}
