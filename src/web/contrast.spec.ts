import { contrastRatio } from './contrast';

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for equal colours', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });

  it('matches known values around the 4.5 threshold', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5); // 4.54
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5); // 4.48
    expect(contrastRatio('#ffcc00', '#ffffff')).toBeLessThan(2);
  });
});
