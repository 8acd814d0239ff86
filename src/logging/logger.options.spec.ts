import { logSafeUrl, redactUrl } from './logger.options';

describe('redactUrl', () => {
  it('hides tokens in paths and query strings', () => {
    const token = 'Qm9uam91ciBtYW50ZWx6b3JnZXIgdGVzdCB0b2tlbg';
    expect(redactUrl(`/inloggen/link/${token}`)).toBe('/inloggen/link/[redacted]');
    expect(redactUrl(`/beheer/huisstijl/logo?_csrf=${token}`)).toBe(
      '/beheer/huisstijl/logo?_csrf=[redacted]',
    );
  });

  it('keeps ordinary paths readable', () => {
    expect(redactUrl('/cafes/het-klaverblad/2026-12-01')).toBe('/cafes/het-klaverblad/2026-12-01');
  });
});

describe('redactUrl and ids', () => {
  it('keeps uuids (row ids are not secrets)', () => {
    expect(redactUrl('/beheer/leden/0b7f7d2e-5c1a-4f53-9d7e-3f2a1b0c9d8e')).toBe(
      '/beheer/leden/0b7f7d2e-5c1a-4f53-9d7e-3f2a1b0c9d8e',
    );
  });
});

describe('logSafeUrl', () => {
  it('keeps the values of allowlisted query parameters only', () => {
    expect(logSafeUrl('/beheer/leden?pagina=3')).toBe('/beheer/leden?pagina=3');
    expect(logSafeUrl('/beheer/cafes/klaver/kerngroep?zoek=jan.peeters%40example.be')).toBe(
      '/beheer/cafes/klaver/kerngroep?zoek=[redacted]',
    );
    expect(logSafeUrl('/?zoek=Jozefien+Claes&pagina=2')).toBe('/?zoek=[redacted]&pagina=2');
  });

  it('drops parameter names that are not plain words and odd allowlisted values', () => {
    expect(logSafeUrl('/?jan%40example.be=1')).toBe('/');
    expect(logSafeUrl('/?pagina=jan%40example.be')).toBe('/?pagina=[redacted]');
    // The login page's return path can carry the search it came from.
    expect(logSafeUrl('/inloggen?terug=%2Fbeheer%2Fleden%3Fzoek%3Djan%40example.be')).toBe(
      '/inloggen?terug=[redacted]',
    );
    expect(logSafeUrl('/inloggen?terug=/beheer/leden?zoek=jan@example.be')).toBe(
      '/inloggen?terug=[redacted]',
    );
  });

  it('still redacts tokens in the path and in kept values', () => {
    const token = 'Qm9uam91ciBtYW50ZWx6b3JnZXIgdGVzdCB0b2tlbg';
    expect(logSafeUrl(`/inloggen/link/${token}?terug=/cafes`)).toBe(
      '/inloggen/link/[redacted]?terug=/cafes',
    );
    expect(logSafeUrl(`/beheer/huisstijl/logo?_csrf=${token}`)).toBe(
      '/beheer/huisstijl/logo?_csrf=[redacted]',
    );
  });
});
