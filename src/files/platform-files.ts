import type { Response } from 'express';
import FileType from 'file-type';
import type { EntityManager } from 'typeorm';
import { PlatformFile } from './entities/platform-file.entity';

/**
 * Global files (`platform_files`: no municipality, no RLS), e.g. an academy template's materials.
 * Like stored-files.ts for the tenant `files`, reached only through the service of the row that
 * points at one (TemplatesService).
 */

/** The document types a material may have, with the extension it downloads with. SVG never. */
export const DOCUMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
} as const;
export type DocumentMime = keyof typeof DOCUMENT_TYPES;

/** At most 10 MB per file. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What the person reads when a file is refused (Dutch). */
export interface DocumentMessages {
  missing: string;
  tooLarge: string;
  wrongType: string;
}

export type DocumentCheck =
  { ok: true; contentType: DocumentMime; extension: string } | { ok: false; message: string };

/**
 * Checks an uploaded document from its bytes (never its name or its Content-Type header): a PDF,
 * PNG, JPEG or WebP of at most `maxBytes`. A text file named `.pdf` or an SVG is refused.
 */
export async function checkDocument(
  input: Buffer,
  messages: DocumentMessages,
  maxBytes = MAX_DOCUMENT_BYTES,
): Promise<DocumentCheck> {
  if (input.length === 0) return { ok: false, message: messages.missing };
  if (input.length > maxBytes) return { ok: false, message: messages.tooLarge };
  const type = await FileType.fromBuffer(input);
  if (!type || !(type.mime in DOCUMENT_TYPES)) return { ok: false, message: messages.wrongType };
  const contentType = type.mime as DocumentMime;
  return { ok: true, contentType, extension: DOCUMENT_TYPES[contentType] };
}

/**
 * A file name that is safe in a `Content-Disposition` header and on any disk: ASCII letters,
 * digits, `-` and `_` (accents dropped, the rest becomes `-`), at most 80 characters, with the
 * extension of its checked type (never the one typed).
 */
export function safeFilename(name: string, extension: string): string {
  const base = name
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 80)
    .replace(/[-_]+$/, '');
  return `${base || 'bestand'}.${extension}`;
}

/** Stores a checked file; the caller points a row at it in the same transaction. */
export function savePlatformFile(
  em: EntityManager,
  file: { contentType: string; content: Buffer },
): Promise<PlatformFile> {
  const repo = em.getRepository(PlatformFile);
  return repo.save(
    repo.create({
      contentType: file.contentType,
      byteSize: file.content.length,
      content: file.content,
    }),
  );
}

/** A global file with its bytes (the content column is not selected by default), or null. */
export function readPlatformFile(em: EntityManager, id: string): Promise<PlatformFile | null> {
  return em
    .getRepository(PlatformFile)
    .createQueryBuilder('f')
    .addSelect('f.content')
    .where('f.id = :id', { id })
    .getOne();
}

/** Deletes a global file (rows that point at it with ON DELETE CASCADE go with it). */
export async function deletePlatformFile(em: EntityManager, id: string): Promise<void> {
  await em.getRepository(PlatformFile).delete({ id });
}

/**
 * Sends a global file as a download under `filename` (made with safeFilename): never shown in
 * the browser's page, never sniffed as another type, not kept by shared caches.
 */
export function sendPlatformFile(res: Response, file: PlatformFile, filename: string): void {
  res.set({
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${safeFilename(filename, filename.split('.').pop() ?? 'bin')}"`,
    'Content-Length': String(file.content.length),
    'Cache-Control': 'private, max-age=3600',
    'X-Content-Type-Options': 'nosniff',
  });
  res.send(file.content);
}
