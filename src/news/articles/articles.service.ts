import { Injectable } from '@nestjs/common';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { ScopedTransactionService } from '../../events/scoped-transaction.service';
import { deletePlatformFile, readPlatformFile, savePlatformFile } from '../../files/platform-files';
import { readStoredFile, replaceStoredFile, type StoredFileOwner } from '../../files/stored-files';
import type { TenantId } from '../../database/tenant-id';
import { MAX_PINNED } from '../common/entities/article-columns';
import { NewsSlugsService, slugFromTitle } from '../common/news-slugs.service';
import type { ArticleInput } from './article-form';
import {
  articleKey,
  articleRepo,
  articleTable,
  inScope,
  type ArticleRow,
  type ArticleScope,
} from './article-scope';
import { isUuid } from '../../common/uuid';

export type SaveArticleResult =
  | { ok: true; article: ArticleRow }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'slug-taken'; slug: string }
  | { ok: false; reason: 'pins-full'; titles: string[] };

/** A line of the admin's overview. */
/** Articles on one page of the admins' list. */
export const ADMIN_LIST_PAGE_SIZE = 50;

export interface ArticleListPage {
  rows: ArticleListRow[];
  page: number;
  pages: number;
  /** Pinned articles that are not archived, on every page. */
  pinned: number;
}

export interface ArticleListRow {
  id: string;
  slug: string;
  title: string;
  status: ArticleRow['status'];
  publishAt: Date;
  pinned: boolean;
}

/** An image as stored, to send. */
export interface ArticleImage {
  fileId: string;
  contentType: string;
  content: Buffer;
}

/**
 * A hub's articles (written by its admins) and the platform's general articles, with one set of
 * rules for both: the slug is taken in news_slugs in the article's own transaction (a changed
 * slug takes the new one and gives the old back, a deleted article gives its slug back), at
 * most MAX_PINNED pinned per scope (counted under a lock, so two saves at once cannot make a
 * fourth), the image replaced with its row locked (no file without an article pointing at it).
 */
@Injectable()
export class ArticlesService {
  constructor(
    private readonly tx: ScopedTransactionService,
    private readonly slugs: NewsSlugsService,
    private readonly clock: Clock,
  ) {}

  /**
   * One page of the scope's articles for its admins (pinned first, then the newest publish date
   * first), with how many there are and how many are pinned (of all pages, not only this one).
   * `asked` is clamped to the last page.
   */
  list(scope: ArticleScope, asked = 1): Promise<ArticleListPage> {
    return this.tx.run(scope, async (em) => {
      const repo = articleRepo(em, scope);
      // One after the other: a transaction is one connection (pg refuses overlapping queries).
      const total = await repo.countBy(inScope(scope));
      const pinned = await repo.countBy({
        ...inScope(scope),
        pinned: true,
        status: Not('archived'),
      });
      const pages = Math.max(1, Math.ceil(total / ADMIN_LIST_PAGE_SIZE));
      const page = Math.min(Math.max(1, asked), pages);
      const rows = await repo.find({
        select: { id: true, slug: true, title: true, status: true, publishAt: true, pinned: true },
        where: inScope(scope),
        order: { pinned: 'DESC', publishAt: 'DESC', title: 'ASC', id: 'ASC' },
        skip: (page - 1) * ADMIN_LIST_PAGE_SIZE,
        take: ADMIN_LIST_PAGE_SIZE,
      });
      return { rows, page, pages, pinned };
    });
  }

  /** One article of the scope (any status), or null (also for an id that is no id). */
  async find(scope: ArticleScope, id: string): Promise<ArticleRow | null> {
    if (!isUuid(id)) return null;
    return this.tx.run(scope, (em) => articleRepo(em, scope).findOneBy(articleKey(scope, id)));
  }

  async create(
    scope: ArticleScope,
    input: ArticleInput,
    authorMembershipId: string | null,
  ): Promise<SaveArticleResult> {
    return this.tx.run(scope, async (em) => {
      const pins = await this.pinRefusal(em, scope, input, null);
      if (pins) return pins;
      // Nothing is written before the slug is ours: a refusal commits nothing.
      const slug =
        input.slug ?? (await this.slugs.claimFree(em, scope.tenantId, slugFromTitle(input.title)));
      if (input.slug && !(await this.slugs.claim(em, scope.tenantId, input.slug)))
        return { ok: false, reason: 'slug-taken', slug: input.slug };
      const repo = articleRepo(em, scope);
      const article = await repo.save(
        repo.create({
          ...inScope(scope),
          ...(scope.tenantId !== null ? { authorMembershipId } : {}),
          slug,
          title: input.title,
          summary: input.summary,
          body: input.body,
          publishAt: input.publishAt ?? this.clock.now(),
          status: input.status,
          pinned: input.pinned,
        }),
      );
      return { ok: true, article };
    });
  }

  async update(scope: ArticleScope, id: string, input: ArticleInput): Promise<SaveArticleResult> {
    if (!isUuid(id)) return { ok: false, reason: 'not-found' };
    return this.tx.run(scope, async (em) => {
      const repo = articleRepo(em, scope);
      const current = await repo.findOne({
        where: articleKey(scope, id),
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) return { ok: false, reason: 'not-found' };
      const pins = await this.pinRefusal(em, scope, input, id);
      if (pins) return pins;
      let slug = current.slug;
      if (input.slug !== null && input.slug !== current.slug) {
        if (!(await this.slugs.claim(em, scope.tenantId, input.slug)))
          return { ok: false, reason: 'slug-taken', slug: input.slug };
        slug = input.slug;
      } else if (input.slug === null) {
        // Emptied: proposed from the title, unless the current one already is (`titel-2` too).
        const proposed = slugFromTitle(input.title);
        if (!new RegExp(`^${proposed}(?:-\\d+)?$`).test(current.slug))
          slug = await this.slugs.claimFree(em, scope.tenantId, proposed);
      }
      if (slug !== current.slug) await this.slugs.release(em, scope.tenantId, current.slug);
      await repo.update(articleKey(scope, id), {
        slug,
        title: input.title,
        summary: input.summary,
        body: input.body,
        publishAt: input.publishAt ?? this.clock.now(),
        status: input.status,
        pinned: input.pinned,
      });
      return { ok: true, article: (await repo.findOneBy(articleKey(scope, id)))! };
    });
  }

  /** Deletes an article with its image and gives its slug back; the article, or null. */
  async remove(scope: ArticleScope, id: string): Promise<ArticleRow | null> {
    if (!isUuid(id)) return null;
    return this.tx.run(scope, async (em) => {
      const repo = articleRepo(em, scope);
      const current = await repo.findOne({
        where: articleKey(scope, id),
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) return null;
      await this.replaceImage(em, scope, id, null, null);
      await repo.delete(articleKey(scope, id));
      await this.slugs.release(em, scope.tenantId, current.slug);
      return current;
    });
  }

  /**
   * Sets an article's image (already checked and re-encoded) and its description, and deletes the
   * image it had. Without `image` only the description of the current image changes. False when
   * there is no such article, or no image to describe.
   */
  async setImage(
    scope: ArticleScope,
    id: string,
    image: { contentType: string; content: Buffer } | null,
    alt: string,
  ): Promise<boolean> {
    if (!isUuid(id)) return false;
    return this.tx.run(scope, async (em) => {
      if (!image) {
        // One UPDATE: it waits for a removal in progress and then finds no image to describe.
        const result = await articleRepo(em, scope).update(
          { ...articleKey(scope, id), imageFileId: Not(IsNull()) },
          { imageAlt: alt },
        );
        return (result.affected ?? 0) > 0;
      }
      return this.replaceImage(em, scope, id, image, alt);
    });
  }

  /** Removes an article's image (the file too). False when it had none (or there is no such article). */
  async removeImage(scope: ArticleScope, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return this.tx.run(scope, async (em) => {
      const current = await articleRepo(em, scope).findOne({
        select: { id: true, imageFileId: true },
        where: articleKey(scope, id),
      });
      if (!current?.imageFileId) return false;
      return this.replaceImage(em, scope, id, null, null);
    });
  }

  /**
   * An article's image to send: when the article shows (published, from its moment on) or to
   * its admins (`asAdmin`); null otherwise, as for an article that does not exist.
   */
  async image(scope: ArticleScope, id: string, asAdmin: boolean): Promise<ArticleImage | null> {
    if (!isUuid(id)) return null;
    const now = this.clock.now();
    return this.tx.run(scope, async (em) => {
      const article = await articleRepo(em, scope).findOne({
        select: { id: true, status: true, publishAt: true, imageFileId: true },
        where: articleKey(scope, id),
      });
      if (!article?.imageFileId) return null;
      const shows = article.status === 'published' && article.publishAt <= now;
      if (!shows && !asAdmin) return null;
      const file =
        scope.tenantId === null
          ? await readPlatformFile(em, article.imageFileId)
          : await readStoredFile(em, scope.tenantId, article.imageFileId);
      return file
        ? { fileId: file.id, contentType: file.contentType, content: file.content }
        : null;
    });
  }

  /**
   * A refusal when saving `input` would make more than MAX_PINNED pinned articles in the scope
   * that still show or may (archived ones do not count), with the titles of the others; null
   * when it may. Takes the scope's pin lock until the transaction ends.
   */
  private async pinRefusal(
    em: EntityManager,
    scope: ArticleScope,
    input: ArticleInput,
    exceptId: string | null,
  ): Promise<SaveArticleResult | null> {
    if (!input.pinned || input.status === 'archived') return null;
    await em.query(`select pg_advisory_xact_lock(hashtext('news-pins'), hashtext($1))`, [
      scope.tenantId ?? 'general',
    ]);
    const others = (
      await articleRepo(em, scope).find({
        select: { id: true, title: true },
        where: { ...inScope(scope), pinned: true, status: Not('archived') },
        order: { publishAt: 'DESC' },
      })
    ).filter((a) => a.id !== exceptId);
    return others.length >= MAX_PINNED
      ? { ok: false, reason: 'pins-full', titles: others.map((a) => a.title) }
      : null;
  }

  /**
   * Points the article at a new image (or none) and deletes the file it pointed at, with the
   * article's row locked first: two uploads at once run one after the other. A local image goes
   * through the tenant `files` (replaceStoredFile), a general one through `platform_files`.
   */
  private async replaceImage(
    em: EntityManager,
    scope: ArticleScope,
    id: string,
    image: { contentType: string; content: Buffer } | null,
    alt: string | null,
  ): Promise<boolean> {
    const owner: StoredFileOwner = {
      lock: async () => {
        const [row] = await em.query<{ image_file_id: string | null }[]>(
          scope.tenantId === null
            ? `select image_file_id from ${articleTable(scope)} where id = $1 for update`
            : `select image_file_id from ${articleTable(scope)} where tenant_id = $2 and id = $1 for update`,
          scope.tenantId === null ? [id] : [id, scope.tenantId],
        );
        return row ? { fileId: row.image_file_id } : null;
      },
      point: async (fileId) => {
        await articleRepo(em, scope).update(articleKey(scope, id), {
          imageFileId: fileId,
          imageAlt: fileId ? alt : null,
        });
      },
    };
    if (scope.tenantId !== null)
      return (await replaceStoredFile(em, scope.tenantId as TenantId, owner, image)) !== null;
    const current = await owner.lock();
    if (!current) return false;
    const after = image ? (await savePlatformFile(em, image)).id : null;
    await owner.point(after);
    if (current.fileId && current.fileId !== after) await deletePlatformFile(em, current.fileId);
    return true;
  }
}
