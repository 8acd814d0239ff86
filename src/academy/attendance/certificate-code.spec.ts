import { groupedCode, newCertificateCode, normaliseCode } from './certificate-code';

describe('certificate codes', () => {
  it('are 20 characters of the unambiguous alphabet, and differ', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newCertificateCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{20}$/);
      expect(normaliseCode(code)).toBe(code);
    }
  });

  it('accept the grouped and lower-case forms, refuse what cannot be a code', () => {
    const code = newCertificateCode();
    expect(normaliseCode(groupedCode(code).toLowerCase())).toBe(code);
    expect(groupedCode('ABCDEFGHJKLMNPQRSTUV')).toBe('ABCDE-FGHJK-LMNPQ-RSTUV');
    for (const bad of [
      '',
      'ABC',
      'O'.repeat(20),
      '1'.repeat(20),
      'A'.repeat(21),
      "A'; drop",
      null,
      42,
    ])
      expect(normaliseCode(bad)).toBeNull();
  });
});
