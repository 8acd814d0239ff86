import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldErrors } from '../web/forms/form-validation';
import { CreateTenantDto, slugMessage } from './dto/create-tenant.dto';
import { OnboardingRequestDto } from './dto/onboarding-request.dto';
import { proposeSlug } from './propose-slug';

function errorsOf<T extends object>(cls: new () => T, values: Record<string, unknown>) {
  return toFieldErrors(
    validateSync(plainToInstance(cls, values), { whitelist: true, forbidNonWhitelisted: true }),
  );
}

const tenant = {
  slug: 'poperinge',
  name: 'Poperinge',
  nisCode: '33021',
  province: 'West-Vlaanderen',
  contactEmail: 'sociaalhuis@poperinge.be',
  adminEmail: 'beheer@poperinge.be',
};

describe('proposeSlug', () => {
  it.each([
    ['Poperinge', 'poperinge'],
    ['Stad Sint-Niklaas', 'sint-niklaas'],
    ['Gemeente De Panne', 'de-panne'],
    ['Sint-Martens-Latem ', 'sint-martens-latem'],
    ['Zwevegem-Kortrijk (fusie 2025)', 'zwevegem-kortrijk-fusie-2025'],
    ['Ëke-Nazareth', 'eke-nazareth'],
  ])('%j → %j', (name, slug) => {
    expect(proposeSlug(name)).toBe(slug);
    expect(slugMessage(slug)).toBeNull();
  });
});

describe('CreateTenantDto', () => {
  it('accepts a complete form, lower-casing the web address', () => {
    expect(errorsOf(CreateTenantDto, { ...tenant, slug: ' Poperinge ' })).toEqual({});
    expect(plainToInstance(CreateTenantDto, { ...tenant, slug: ' Poperinge ' }).slug).toBe(
      'poperinge',
    );
  });

  it('explains why a web address cannot be used, naming the field', () => {
    expect(errorsOf(CreateTenantDto, { ...tenant, slug: 'forum' }).slug).toBe(
      'Het webadres "forum" is voorbehouden voor het platform. Kies een ander adres.',
    );
    expect(errorsOf(CreateTenantDto, { ...tenant, slug: 'a--b' }).slug).toMatch(
      /^Het webadres "a--b" kan niet\./,
    );
    expect(errorsOf(CreateTenantDto, { ...tenant, slug: '' }).slug).toBe(
      'Vul het webadres in, bijvoorbeeld "poperinge".',
    );
    expect(errorsOf(CreateTenantDto, { ...tenant, slug: undefined }).slug).toBe(
      'Vul het webadres in, bijvoorbeeld "poperinge".',
    );
  });

  it('asks for the empty fields first, then for valid ones', () => {
    expect(
      errorsOf(CreateTenantDto, {
        ...tenant,
        name: ' ',
        province: '',
        contactEmail: '',
        adminEmail: 'x',
      }),
    ).toEqual({
      name: 'Vul de naam van de gemeente in.',
      province: 'Kies de provincie.',
      contactEmail: 'Vul het e-mailadres van de sociale dienst in.',
      adminEmail: 'Vul een geldig e-mailadres van de eerste beheerder in, zoals naam@gemeente.be.',
    });
    expect(errorsOf(CreateTenantDto, { ...tenant, nisCode: '3302', province: 'Brussel' })).toEqual({
      nisCode:
        'De NIS-code bestaat uit 5 cijfers, zoals 33021. Laat het veld leeg als je hem niet kent.',
      province: 'Kies de provincie uit de lijst.',
    });
    expect(errorsOf(CreateTenantDto, { ...tenant, nisCode: '', requestId: '' })).toEqual({});
  });
});

describe('OnboardingRequestDto', () => {
  const request = {
    municipalityName: 'Lede',
    contactName: 'An',
    contactRole: 'Schepen',
    email: 'an@lede.be',
  };

  it('accepts the required fields alone', () => {
    expect(errorsOf(OnboardingRequestDto, { ...request, phone: '', message: '' })).toEqual({});
  });

  it('names every missing field', () => {
    expect(errorsOf(OnboardingRequestDto, {})).toEqual({
      municipalityName: 'Vul de naam van je stad of gemeente in.',
      contactName: 'Vul je naam in.',
      contactRole: 'Vul je functie in, bijvoorbeeld "beleidsmedewerker welzijn".',
      email: 'Vul je e-mailadres in.',
    });
    expect(
      errorsOf(OnboardingRequestDto, { ...request, email: 'an(at)lede', phone: 'bel me' }),
    ).toEqual({
      email: 'Vul een geldig e-mailadres in, zoals naam@gemeente.be.',
      phone: 'Vul een geldig telefoonnummer in, zoals 057 34 66 00, of laat het veld leeg.',
    });
  });
});

describe('single-line fields', () => {
  it('fold line breaks (they end up in mail subjects) but keep them in the message', () => {
    const dto = plainToInstance(OnboardingRequestDto, {
      municipalityName: 'Lede\r\nBcc: iedereen@example.be',
      contactName: '  An   Verbeke ',
      contactRole: 'Schepen',
      email: 'an@lede.be',
      message: 'Eerste regel.\n\nTweede regel.',
    });
    expect(dto.municipalityName).toBe('Lede Bcc: iedereen@example.be');
    expect(dto.contactName).toBe('An Verbeke');
    expect(dto.message).toBe('Eerste regel.\n\nTweede regel.');
  });
});
