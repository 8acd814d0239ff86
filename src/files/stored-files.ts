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
