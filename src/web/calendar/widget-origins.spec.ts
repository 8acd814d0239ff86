import { MAX_WIDGET_ORIGINS, parseWidgetOrigins } from './widget-origins';

describe('parseWidgetOrigins', () => {
  it('keeps https sites as their origin, once each, empty lines aside', () => {
    expect(
      parseWidgetOrigins(
        'https://www.poperinge.be\n\n  https://www.poperinge.be/  \r\nhttps://Sociaalhuis.Poperinge.be:8443',
      ),
    ).toEqual({
      ok: true,
      origins: ['https://www.poperinge.be', 'https://sociaalhuis.poperinge.be:8443'],
    });
    expect(parseWidgetOrigins('')).toEqual({ ok: true, origins: [] });
  });

  it.each([
    ['http://www.poperinge.be', 1],
    ['www.poperinge.be', 1],
    ['https://www.poperinge.be/kalender', 1],
    ['https://www.poperinge.be/?x=1', 1],
    ['https://www.poperinge.be\nhttps://evil.be; script-src *', 2],
    ["https://'self'", 1],
    ['https://*.poperinge.be', 1],
    ['javascript:alert(1)', 1],
    ['https://localhost', 1],
  ])('refuses %j, naming line %i', (text, line) => {
    const result = parseWidgetOrigins(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(new RegExp(`^Regel ${line} \\(`));
  });

  it('refuses more than the maximum', () => {
    const many = Array.from({ length: MAX_WIDGET_ORIGINS + 1 }, (_, i) => `https://site${i}.be`);
    expect(parseWidgetOrigins(many.join('\n'))).toEqual({
      ok: false,
      error: `Vul hoogstens ${MAX_WIDGET_ORIGINS} websites in. Nu zijn het er ${MAX_WIDGET_ORIGINS + 1}.`,
    });
  });
});
