import { isAllowlistedHost, isPublicAddress, normalizeHost } from './address-policy';

describe('feed address policy', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.251',
    '240.0.0.1',
    '192.0.2.10',
    '::',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '64:ff9b::7f00:1',
    '2001:db8::1',
    '',
    'localhost',
    'niet-een-adres',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['193.191.245.3', '8.8.8.8', '::ffff:193.191.245.3', '2a02:1800:100::44'])(
    'accepts the public %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('matches the allowlist by exact name, *.name for subdomains, and IP literals', () => {
    const list = ['localhost', '*.demo.localhost', '127.0.0.1', '[::1]'];
    expect(isAllowlistedHost('LOCALHOST', list)).toBe(true);
    expect(isAllowlistedHost('localhost.', list)).toBe(true);
    expect(isAllowlistedHost('f1.demo.localhost', list)).toBe(true);
    expect(isAllowlistedHost('a.b.demo.localhost', list)).toBe(true);
    expect(isAllowlistedHost('demo.localhost', list)).toBe(false);
    expect(isAllowlistedHost('evildemo.localhost', list)).toBe(false);
    expect(isAllowlistedHost('f1.localhost', list)).toBe(false);
    expect(isAllowlistedHost('127.0.0.1', list)).toBe(true);
    expect(isAllowlistedHost('[::1]', list)).toBe(true);
    expect(isAllowlistedHost('::1', list)).toBe(true);
    expect(isAllowlistedHost('localhost', [])).toBe(false);
    expect(normalizeHost(' [FE80::1] ')).toBe('fe80::1');
  });
});
