import { slugProblem } from './slug';

describe('slugProblem', () => {
  it.each(['gent', 'sint-niklaas', 'de-panne', 'ieper2'])('accepts %s', (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });

  it.each(['Gent', 'gent-', '-gent', 'sint--niklaas', 'g', 'gent.be', 'zoë', 'a'.repeat(41)])(
    'refuses %s',
    (slug) => {
      expect(slugProblem(slug)).toMatch(/kleine letters/);
    },
  );

  it.each(['www', 'admin', 'api', 'mail', 'forum', 'static'])('refuses the reserved %s', (slug) => {
    expect(slugProblem(slug)).toContain('voorbehouden');
  });
});
