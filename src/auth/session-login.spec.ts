import { safeReturnPath } from './session-login';

describe('safeReturnPath', () => {
  it('keeps a local path', () => {
    expect(safeReturnPath('/account')).toBe('/account');
    expect(safeReturnPath('/activiteiten?maand=2026-12')).toBe('/activiteiten?maand=2026-12');
  });

  it('refuses anything that could leave this host', () => {
    for (const value of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'evil',
      '/ spatie',
      '',
      undefined,
      42,
      '/uitloggen',
    ]) {
      expect(safeReturnPath(value)).toBe('/');
    }
  });
});
