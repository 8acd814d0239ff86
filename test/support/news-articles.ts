import sharp from 'sharp';
import { DataSource } from 'typeorm';
import type { TenantId } from '../../src/database/tenant-id';
import { GeneralArticle } from '../../src/news/common/entities/general-article.entity';
import type { ArticleInput } from '../../src/news/articles/article-form';
import {
  GENERAL_ARTICLES,
  localArticles,
  type ArticleRow,
  type ArticleScope,
} from '../../src/news/articles/article-scope';
import { ArticlesService } from '../../src/news/articles/articles.service';
import type { TestApp } from './test-app';

type Agent = ReturnType<TestApp['agent']>;

const DAY = 24 * 3600_000;

/** A valid article form (new: slug empty, proposed from the title; a draft). */
export const articleForm = (over: Record<string, string> = {}): Record<string, string> => ({
  title: 'Nieuw seizoen van het mantelzorgcafé',
  slug: '',
  summary: 'Vanaf september komen we weer elke eerste dinsdag samen.',
  body: 'Het **mantelzorgcafé** start een nieuw seizoen.\n\n- Koffie en taart\n- Een praatje met lotgenoten',
  publishDate: '',
  publishTime: '',
  status: 'published',
  ...over,
});

/** A JPEG or PNG with EXIF metadata (a copyright and an address that must not survive). */
export async function imageWithExif(format: 'png' | 'jpeg', width = 300, height = 200) {
  const image = sharp({ create: { width, height, channels: 3, background: '#2a7a4a' } });
  return (format === 'png' ? image.png() : image.jpeg())
    .withMetadata({
      exif: {
        IFD0: { Copyright: 'Fotograaf Geheim', ImageDescription: 'Thuisadres Kerkstraat 9' },
      },
    })
    .toBuffer();
}

/**
 * Posts an article's image form the way the browser does: multipart, the CSRF token in the
 * query string (read from the article's edit page, on either host).
 */
export async function uploadArticleImage(
  agent: Agent,
  articleId: string,
  fields: { alt?: string; file?: { content: Buffer; name: string; type: string } },
) {
  const page = await agent.get(`/beheer/nieuws/artikels/${articleId}`).expect(200);
  const action = /action="(\/beheer\/nieuws\/artikels\/[^"/]+\/beeld\?_csrf=[^"]+)"/.exec(
    page.text,
  )?.[1];
  if (!action) throw new Error('no image form on the article page');
  let req = agent.post(action.replace(/&amp;/g, '&'));
  // The description comes first in the form, so it is read even when the file is refused.
  req = req.field('imageAlt', fields.alt ?? '');
  if (fields.file)
    req = req.attach('image', fields.file.content, {
      filename: fields.file.name,
      contentType: fields.file.type,
    });
  return req;
}

/** Articles made through the app's own service (its slug rules, its transactions). */
export function articleFixtures(t: TestApp) {
  const service = t.get(ArticlesService);
  const make = async (
    scope: ArticleScope,
    over: Partial<ArticleInput> & { title: string },
    author: string | null = null,
  ): Promise<ArticleRow> => {
    const result = await service.create(
      scope,
      {
        slug: null,
        summary: `Samenvatting van ${over.title}.`,
        body: `Tekst van **${over.title}**.`,
        publishAt: new Date(t.clock.now().getTime() - DAY),
        status: 'published',
        pinned: false,
        ...over,
      },
      author,
    );
    if (!result.ok) throw new Error(`article ${over.title}: ${result.reason}`);
    return result.article;
  };
  return {
    service,
    local: (tenantId: TenantId, over: Partial<ArticleInput> & { title: string }, author?: string) =>
      make(localArticles(tenantId), over, author ?? null),
    general: (over: Partial<ArticleInput> & { title: string }) => make(GENERAL_ARTICLES, over),
    /** A general article by its slug, made once per database (seeders of several hubs). */
    generalOnce: async (over: Partial<ArticleInput> & { title: string; slug: string }) =>
      (await t.app.get(DataSource).getRepository(GeneralArticle).findOneBy({ slug: over.slug })) ??
      make(GENERAL_ARTICLES, over),
  };
}
