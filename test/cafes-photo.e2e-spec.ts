import sharp from 'sharp';
import type { EntityManager } from 'typeorm';
import { CAFE_PHOTO_USE, MAX_PHOTO_BYTES } from '../src/cafes/admin/cafes-admin.controller';
import { Cafe } from '../src/cafes/common/entities/cafe.entity';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { StoredFile } from '../src/files/entities/stored-file.entity';
import { t as text } from '../src/i18n/i18n';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { cafeInput, cafeFixtures } from './support/cafes';
import { csrfIn, logIn } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The café photo (/beheer/cafes/<slug>, served at /cafes/<slug>/foto): checked from its bytes,
 * re-encoded without metadata, a required description, replace and remove, never a 500, never
 * across municipalities.
 */
type Agent = ReturnType<TestApp['agent']>;

const ALT = 'De ingang van dienstencentrum De Wegwijzer, met een helling naast de trap';
const MESSAGES = CAFE_PHOTO_USE.messages;

/** Posts the photo form the way the browser does: multipart, the CSRF token in the query string. */
async function uploadPhoto(
  agent: Agent,
  slug: string,
  fields: { alt?: string; file?: { content: Buffer; name: string; type: string } },
) {
  const page = await agent.get(`/beheer/cafes/${slug}`).expect(200);
  const action = /action="(\/beheer\/cafes\/[^"/]+\/foto\?_csrf=[^"]+)"/.exec(page.text)?.[1];
  if (!action) throw new Error('no photo form on the café page');
  let req = agent.post(action.replace(/&amp;/g, '&'));
  // The description comes first in the form, so it is read even when the file is refused.
  req = req.field('photoAlt', fields.alt ?? '');
  if (fields.file)
    req = req.attach('photo', fields.file.content, {
      filename: fields.file.name,
      contentType: fields.file.type,
    });
  return req;
}

async function photoWithExif(width: number, height: number, format: 'png' | 'jpeg') {
  const image = sharp({ create: { width, height, channels: 3, background: '#2a7a4a' } });
  return (format === 'png' ? image.png() : image.jpeg())
    .withMetadata({
      exif: {
        IFD0: { Copyright: 'Fotograaf Geheim', ImageDescription: 'Thuisadres Kerkstraat 9' },
      },
    })
    .toBuffer();
}

describe('café photo', () => {
  let t: TestApp;
  let gent: Tenant;
  let ieper: Tenant;
  let gentId: TenantId;
  let admin: TestMember;
  let caregiver: TestMember;
  let ieperAdmin: TestMember;
  let adminAgent: Agent;
  let cafe: Cafe;
  let other: Cafe;
  let ieperCafe: Cafe;

  const tx = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> =>
    t.get(TenantTransaction).run(gentId, work);
  const cafeRow = (id: string) =>
    tx((em) => em.getRepository(Cafe).findOneByOrFail({ tenantId: gentId, id }));
  const fileIds = async () =>
    (await tx((em) => em.getRepository(StoredFile).findBy({ tenantId: gentId })))
      .map((f) => f.id)
      .sort();

  beforeAll(async () => {
    t = await createTestApp();
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    admin = await createMember(t, { tenant: gent, role: 'tenant_admin', displayName: 'Els Admin' });
    caregiver = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'Jo Lid' });
    ieperAdmin = await createMember(t, { tenant: ieper, role: 'tenant_admin' });
    const cafes = cafeFixtures(t);
    cafe = (await cafes.create(gentId, cafeInput({ slug: 'babbelhoek' })))!;
    other = (await cafes.create(gentId, cafeInput({ slug: 'ander-cafe', name: 'Ander café' })))!;
    ieperCafe = (await cafes.create(
      asTenantId(ieper.id),
      cafeInput({ slug: 'ieper-cafe', name: 'Mantelzorgcafé Ieper' }),
    ))!;
    await cafes.setPhoto(
      asTenantId(ieper.id),
      ieperCafe.id,
      { contentType: 'image/jpeg', content: await photoWithExif(20, 20, 'jpeg') },
      'Zaal in Ieper',
    );
    adminAgent = t.agent('gent');
    await logIn(adminAgent, admin);
  });
  afterAll(() => t?.close());

  it('accepts a PNG, strips its metadata, stores it as JPEG and shows it with its description', async () => {
    const png = await photoWithExif(300, 200, 'png');
    expect((await sharp(png).metadata()).exif).toBeDefined();
    const res = await uploadPhoto(adminAgent, 'babbelhoek', {
      alt: `  ${ALT}  `,
      file: { content: png, name: 'foto.png', type: 'image/png' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/beheer/cafes/babbelhoek');
    const row = await cafeRow(cafe.id);
    expect(row.photoFileId).toBeTruthy();
    expect(row.photoAlt).toBe(ALT);

    const photo = await t.agent('gent').get('/cafes/babbelhoek/foto').buffer(true).expect(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['cache-control']).toBe('public, max-age=86400');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    const body = photo.body as Buffer;
    const meta = await sharp(body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 300, 200]);
    expect(meta.exif).toBeUndefined();
    expect(body.includes(Buffer.from('Fotograaf Geheim'))).toBe(false);
    expect(body.includes(Buffer.from('Kerkstraat'))).toBe(false);

    const img = `<img class="cafe-photo" src="/cafes/babbelhoek/foto?v=${row.photoFileId}" alt="${ALT}">`;
    expect((await t.agent('gent').get('/cafes/babbelhoek').expect(200)).text).toContain(img);
    const list = await t.agent('gent').get('/cafes').expect(200);
    expect(list.text).toMatch(
      new RegExp(
        `<img class="card-photo" src="/cafes/babbelhoek/foto\\?v=${row.photoFileId}" alt="${ALT}"`,
      ),
    );
    const flash = await adminAgent.get('/beheer/cafes/babbelhoek').expect(200);
    expect(flash.text).toContain(text('cafes.photo.saved', { name: cafe.name }));
    expect(flash.text).toContain(`value="${ALT}"`);
  });

  it('replaces the photo (the old file is deleted) and makes a large JPEG at most 1600 wide', async () => {
    const before = (await cafeRow(cafe.id)).photoFileId!;
    const jpeg = await photoWithExif(2400, 1600, 'jpeg');
    const res = await uploadPhoto(adminAgent, 'babbelhoek', {
      alt: 'De zaal met tafels',
      file: { content: jpeg, name: 'zaal.jpg', type: 'image/jpeg' },
    });
    expect(res.status).toBe(303);
    const row = await cafeRow(cafe.id);
    expect(row.photoFileId).not.toBe(before);
    expect(row.photoAlt).toBe('De zaal met tafels');
    expect(await fileIds()).toEqual([row.photoFileId]);
    const body = (await t.agent('gent').get('/cafes/babbelhoek/foto').buffer(true).expect(200))
      .body as Buffer;
    const meta = await sharp(body).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([1600, 1067, undefined]);
  });

  it('changes only the description when no new file is chosen', async () => {
    const before = await cafeRow(cafe.id);
    const res = await uploadPhoto(adminAgent, 'babbelhoek', { alt: ALT });
    expect(res.status).toBe(303);
    const row = await cafeRow(cafe.id);
    expect([row.photoFileId, row.photoAlt]).toEqual([before.photoFileId, ALT]);
  });

  it('refuses what is not a JPEG, PNG or WebP image, whatever its name, and changes nothing', async () => {
    const before = await cafeRow(cafe.id);
    const files = await fileIds();
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    for (const [content, name, type] of [
      [svg, 'foto.svg', 'image/svg+xml'],
      [Buffer.from('Dit is geen foto maar gewone tekst.'), 'foto.jpg', 'image/jpeg'],
      [
        await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
        'foto.gif',
        'image/gif',
      ],
    ] as const) {
      const res = await uploadPhoto(adminAgent, 'babbelhoek', {
        alt: 'Nieuwe beschrijving',
        file: { content, name, type },
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain(MESSAGES.wrongType);
      expect(res.text).toContain('href="#photo"');
      expect(res.text).toMatch(/<title>Fout: /);
      expect(res.text).toContain('value="Nieuwe beschrijving"'); // what was typed is kept
      expect(res.text).toContain(`value="${cafe.name}"`); // the café form still shows the café
    }
    const row = await cafeRow(cafe.id);
    expect([row.photoFileId, row.photoAlt]).toEqual([before.photoFileId, before.photoAlt]);
    expect(await fileIds()).toEqual(files);
  });

  it('refuses a file over 5 MB with a Dutch form error, not a 413', async () => {
    const files = await fileIds();
    const big = Buffer.concat([
      await photoWithExif(4, 4, 'jpeg'),
      Buffer.alloc(MAX_PHOTO_BYTES + 1024),
    ]);
    const res = await uploadPhoto(adminAgent, 'babbelhoek', {
      alt: 'Een grote foto',
      file: { content: big, name: 'groot.jpg', type: 'image/jpeg' },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(MESSAGES.tooLarge);
    expect(res.text).toContain('Er is een probleem');
    expect(res.text).toContain('href="#photo"');
    expect(await fileIds()).toEqual(files);
  });

  it('a control character in the description: the café page again, the error at the field, the text kept', async () => {
    const files = await fileIds();
    const png = await photoWithExif(50, 50, 'png');
    const res = await uploadPhoto(adminAgent, 'ander-cafe', {
      alt: 'De zaal\u0000 met tafels',
      file: { content: png, name: 'foto.png', type: 'image/png' },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(text('input.control'));
    expect(res.text).toContain('href="#photoAlt"');
    expect(res.text).toContain('value="De zaal met tafels"');
    expect(await fileIds()).toEqual(files);
  });

  it('requires a description, and a file for a café without a photo', async () => {
    const files = await fileIds();
    const png = await photoWithExif(50, 50, 'png');
    const noAlt = await uploadPhoto(adminAgent, 'ander-cafe', {
      alt: '   ',
      file: { content: png, name: 'foto.png', type: 'image/png' },
    });
    expect(noAlt.status).toBe(400);
    expect(noAlt.text).toContain(text('cafes.photo.error.altMissing'));
    expect(noAlt.text).toContain('href="#photoAlt"');
    expect(noAlt.text).toContain('aria-invalid="true"');
    const tooLong = await uploadPhoto(adminAgent, 'ander-cafe', {
      alt: 'x'.repeat(201),
      file: { content: png, name: 'foto.png', type: 'image/png' },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain(text('cafes.photo.error.altTooLong'));
    const nothing = await uploadPhoto(adminAgent, 'ander-cafe', {});
    expect(nothing.status).toBe(400);
    expect(nothing.text).toContain(MESSAGES.missing);
    expect(nothing.text).toContain(text('cafes.photo.error.altMissing'));
    expect((await cafeRow(other.id)).photoFileId).toBeNull();
    expect(await fileIds()).toEqual(files);
    await t.agent('gent').get('/cafes/ander-cafe/foto').expect(404);
  });

  it('removes the photo and its file', async () => {
    const page = await adminAgent.get('/beheer/cafes/babbelhoek').expect(200);
    const res = await adminAgent
      .post('/beheer/cafes/babbelhoek/foto/verwijderen')
      .type('form')
      .send({ _csrf: csrfIn(page.text) });
    expect(res.status).toBe(303);
    const row = await cafeRow(cafe.id);
    expect([row.photoFileId, row.photoAlt]).toEqual([null, null]);
    expect(await fileIds()).toEqual([]);
    await t.agent('gent').get('/cafes/babbelhoek/foto').expect(404);
    const cafePage = await t.agent('gent').get('/cafes/babbelhoek').expect(200);
    expect(cafePage.text).not.toContain('cafe-photo');
    const again = await adminAgent.get('/beheer/cafes/babbelhoek').expect(200);
    expect(again.text).toContain(text('cafes.photo.removed', { name: cafe.name }));
    expect(again.text).toContain(text('cafes.photo.none'));
  });

  it('is for tenant admins of the café’s own municipality only', async () => {
    // Another municipality's café on this host: 404 for the page, the upload and the photo.
    const page = await adminAgent.get('/beheer/cafes/babbelhoek').expect(200);
    const token = encodeURIComponent(csrfIn(page.text));
    await adminAgent.get('/beheer/cafes/ieper-cafe').expect(404);
    await adminAgent
      .post(`/beheer/cafes/ieper-cafe/foto?_csrf=${token}`)
      .field('photoAlt', 'Overgenomen')
      .attach('photo', await photoWithExif(10, 10, 'png'), 'foto.png')
      .expect(404);
    await adminAgent
      .post('/beheer/cafes/ieper-cafe/foto/verwijderen')
      .type('form')
      .send({ _csrf: csrfIn(page.text) })
      .expect(404);
    await t.agent('gent').get('/cafes/ieper-cafe/foto').expect(404);
    // ... while Ieper's own host serves it, unchanged.
    const own = await t.agent('ieper').get('/cafes/ieper-cafe/foto').expect(200);
    expect(own.headers['content-type']).toBe('image/jpeg');
    const ieperRow = await t
      .get(TenantTransaction)
      .run(asTenantId(ieper.id), (em) =>
        em.getRepository(Cafe).findOneByOrFail({ tenantId: ieper.id, id: ieperCafe.id }),
      );
    expect(ieperRow.photoAlt).toBe('Zaal in Ieper');

    // Ieper's admin on Gent's host is nobody there; a caregiver of Gent may not manage cafés.
    const ieperAgent = t.agent('ieper');
    await logIn(ieperAgent, ieperAdmin);
    await ieperAgent.get('/beheer/cafes/babbelhoek').expect(404);
    const caregiverAgent = t.agent('gent');
    await logIn(caregiverAgent, caregiver);
    const home = await caregiverAgent.get('/account').expect(200);
    await caregiverAgent
      .post(`/beheer/cafes/babbelhoek/foto?_csrf=${encodeURIComponent(csrfIn(home.text))}`)
      .field('photoAlt', 'Niet van mij')
      .attach('photo', await photoWithExif(10, 10, 'png'), 'foto.png')
      .expect(403);
    expect((await cafeRow(cafe.id)).photoFileId).toBeNull();
  });
});
