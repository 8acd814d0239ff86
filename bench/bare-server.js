'use strict';
// The baseline of the home-page benchmark: bare node:http + pg + precompiled Handlebars, doing
// the same work per request as the app's tenant home page (src/web/home/home-page.service.ts):
// one tenant transaction as mzh_app (BEGIN; set_config('app.tenant_id'); the same count query as
// TypeORM generates; the café section's next-meetings query; the academy section's next-courses
// query; the news section's latest-news query; the guide's questions and kinds of help; COMMIT)
// and the same template, section partials (in the sections' order) and layout, rendered with the
// app's own view helpers. The tenant row is loaded once at start, as the app caches tenants in memory.
//
// env: DATABASE_URL (mzh_app), PORT, BASE_DOMAIN, PLATFORM_URL, ASSET_VERSION, POOL_MAX
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const Handlebars = require('handlebars');
const { Pool } = require('pg');

const ROOT = path.resolve(__dirname, '..');
const VIEWS = path.join(ROOT, 'views');
const { registerViewHelpers } = require(path.join(ROOT, 'dist', 'src', 'web', 'view-helpers.js'));
const { registerStrings } = require(path.join(ROOT, 'dist', 'src', 'i18n', 'i18n.js'));
const { navigationOf } = require(path.join(ROOT, 'dist', 'src', 'web', 'navigation.js'));
// The features' strings and navigation items, as AppModule.forRoot takes them from the manifests.
const { FEATURE_MANIFESTS } = require(path.join(ROOT, 'dist', 'src', 'features.js'));
// The home page's one section, the next café meetings: the very statement and partial the app's
// NextMeetingsHomeSection uses (src/cafes/meetings/home-meetings.ts).
const { NEXT_MEETINGS_SQL, NEXT_MEETINGS_PARTIAL } = require(
  path.join(ROOT, 'dist', 'src', 'cafes', 'meetings', 'home-meetings.js'),
);
// The academy's section, the next courses an anonymous visitor may see: the statement, the view
// model and the partial of NextCoursesHomeSection (src/academy/enrolments/home-courses.ts), with
// the audiences from the one audience rule.
const { NEXT_COURSES_SQL, NEXT_COURSES_PARTIAL, homeCourses } = require(
  path.join(ROOT, 'dist', 'src', 'academy', 'enrolments', 'home-courses.js'),
);
const { visibleAudiences } = require(
  path.join(ROOT, 'dist', 'src', 'web', 'surfaces', 'audience.js'),
);
const ANONYMOUS_AUDIENCES = visibleAudiences(null);
// The news's section, the three newest visible items: the statement, the view model and the
// partial of LatestNewsHomeSection (src/news/pages/home-news.ts).
const { LATEST_NEWS_SQL, LATEST_NEWS_PARTIAL, homeNews } = require(
  path.join(ROOT, 'dist', 'src', 'news', 'pages', 'home-news.js'),
);

// The guide's section, "Veelgestelde vragen": the statement, the view model and the partial of
// FaqHomeSection (src/guide/pages/home-guide.ts).
const { FAQ_SQL, FAQ_PARTIAL, homeFaq } = require(
  path.join(ROOT, 'dist', 'src', 'guide', 'pages', 'home-guide.js'),
);

// The directory's section, "Hulp in de buurt": the statement, the view model and the partial of
// HelpNearbyHomeSection (src/guide/organisations/home-organisations.ts).
const { HELP_NEARBY_SQL, HELP_NEARBY_PARTIAL, homeHelpNearby } = require(
  path.join(ROOT, 'dist', 'src', 'guide', 'organisations', 'home-organisations.js'),
);

// The exact statement TypeORM sends for MembershipsService.countCaregivers:
// `em.getRepository(Membership).count({ where: { tenantId, role: 'caregiver' } })`.
const COUNT_SQL =
  'SELECT COUNT(1) AS "cnt" FROM "memberships" "Membership" WHERE (("Membership"."tenant_id" = $1) AND ("Membership"."role" = $2))';

const TENANT_SQL = `select id, slug, name, nis_code as "nisCode", province, brand_color as "brandColor",
  logo_file_id as "logoFileId", contact_email as "contactEmail", contact_phone as "contactPhone",
  contact_address as "contactAddress", welcome_text as "welcomeText", status,
  updated_at as "updatedAt"
  from tenants where slug = $1`;

function compile(file) {
  return Handlebars.compile(fs.readFileSync(path.join(VIEWS, file), 'utf8'));
}

async function main() {
  const env = process.env;
  const base = env.BASE_DOMAIN || 'localhost';
  const suffix = `.${base}`;
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: Number(env.POOL_MAX || 20) });

  registerViewHelpers(Handlebars);
  for (const file of fs.readdirSync(path.join(VIEWS, 'partials'))) {
    if (file.endsWith('.hbs'))
      Handlebars.registerPartial(
        file.slice(0, -4),
        fs.readFileSync(path.join(VIEWS, 'partials', file), 'utf8'),
      );
  }
  for (const partial of [
    NEXT_MEETINGS_PARTIAL,
    NEXT_COURSES_PARTIAL,
    LATEST_NEWS_PARTIAL,
    FAQ_PARTIAL,
    HELP_NEARBY_PARTIAL,
  ])
    Handlebars.registerPartial(
      partial,
      fs.readFileSync(path.join(VIEWS, `${partial}.hbs`), 'utf8'),
    );
  const page = compile('home/tenant.hbs');
  for (const feature of FEATURE_MANIFESTS) registerStrings(feature.name, feature.strings);
  // What the app's NavigationService puts in its view locals.
  const navItems = navigationOf(FEATURE_MANIFESTS.flatMap((feature) => feature.navigation));
  const layout = compile('layouts/main.hbs');

  const tenants = new Map();
  async function tenantFor(slug) {
    if (!tenants.has(slug)) {
      const { rows } = await pool.query(TENANT_SQL, [slug]);
      tenants.set(slug, rows[0] || null);
    }
    return tenants.get(slug);
  }

  async function homeData(tenantId) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
      const { rows } = await client.query(COUNT_SQL, [tenantId, 'caregiver']);
      const meetings = await client.query(NEXT_MEETINGS_SQL, [tenantId, new Date()]);
      const courses = await client.query(NEXT_COURSES_SQL, [
        tenantId,
        new Date(),
        ANONYMOUS_AUDIENCES,
      ]);
      const news = await client.query(LATEST_NEWS_SQL, [tenantId, new Date()]);
      const faq = await client.query(FAQ_SQL, [tenantId]);
      const help = await client.query(HELP_NEARBY_SQL, [tenantId]);
      await client.query('COMMIT');
      // The sections in their order (café 10, academy 20, news 30, guide 40 and 45), those
      // without data left out.
      const sections = [];
      if (meetings.rows.length)
        sections.push({ partial: NEXT_MEETINGS_PARTIAL, data: { meetings: meetings.rows } });
      const courseData = homeCourses(courses.rows);
      if (courseData) sections.push({ partial: NEXT_COURSES_PARTIAL, data: courseData });
      const newsData = homeNews(news.rows);
      if (newsData) sections.push({ partial: LATEST_NEWS_PARTIAL, data: newsData });
      const faqData = homeFaq(faq.rows);
      if (faqData) sections.push({ partial: FAQ_PARTIAL, data: faqData });
      const helpData = homeHelpNearby(help.rows);
      if (helpData) sections.push({ partial: HELP_NEARBY_PARTIAL, data: helpData });
      return {
        caregivers: rows[0] && rows[0].cnt ? parseInt(rows[0].cnt, 10) : 0,
        sections,
      };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  const server = http.createServer(async (req, res) => {
    try {
      const host = String(req.headers.host || '')
        .replace(/:\d+$/, '')
        .toLowerCase();
      const slug = host.endsWith(suffix) ? host.slice(0, -suffix.length) : null;
      const tenant =
        slug && (req.url === '/' || req.url === '/brand.css') ? await tenantFor(slug) : null;
      if (tenant && req.url === '/brand.css') {
        // The diagnostic route (BENCH_BREAKDOWN): what the app's HomeController.brandCss returns.
        const css = `:root{--brand:${/^#[0-9a-f]{6}$/i.test(tenant.brandColor) ? tenant.brandColor : '#1d5c8f'};}\n`;
        res.writeHead(200, {
          'Content-Type': 'text/css; charset=utf-8',
          'Cache-Control': 'public, max-age=86400',
        });
        res.end(css);
        return;
      }
      if (!tenant) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      const { caregivers, sections } = await homeData(tenant.id);
      const data = {
        platformUrl: env.PLATFORM_URL,
        assetVersion: env.ASSET_VERSION,
        brandVersion: new Date(tenant.updatedAt).getTime(),
        tenant,
        currentUser: null,
        membership: null,
        isAdmin: false,
        navItems,
        title: 'Welkom',
        caregivers,
        sections,
        hasWelcome: tenant.welcomeText.trim().length > 0,
      };
      const html = layout({ ...data, body: page(data) });
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(html),
      });
      res.end(html);
    } catch (e) {
      console.error(e);
      res.writeHead(500).end();
    }
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(env.PORT), '127.0.0.1');
  const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
