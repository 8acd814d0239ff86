import { redactUrl } from './logger.options';

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
