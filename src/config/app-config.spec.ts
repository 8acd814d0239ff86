import { ConfigError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://mzh_app:x@127.0.0.1:5432/mzh',
  DATABASE_OWNER_URL: 'postgres://mzh_owner:x@127.0.0.1:5432/mzh',
  REDIS_URL: 'redis://127.0.0.1:6379',
  MAIL_FROM: 'Mantelzorghub <noreply@mantelzorghub.be>',
  BASE_DOMAIN: 'mantelzorghub.be',
  PORT: '3000',
  SESSION_SECRET: 'a'.repeat(40),
  NODE_ENV: 'production',
};

describe('loadConfig', () => {
  it('accepts a complete environment and converts types', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.originFor('gent')).toBe('https://gent.mantelzorghub.be');
    expect(config.platformOrigin).toBe('https://mantelzorghub.be');
  });

  it('names every missing or wrong variable', () => {
    const env = { ...valid, REDIS_URL: undefined, PORT: 'abc', SESSION_SECRET: 'short' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('REDIS_URL is missing');
      expect(message).toMatch(/PORT .*integer/);
      expect(message).toContain('SESSION_SECRET must be at least 32 characters');
      expect(message).not.toContain('DATABASE_URL');
    }
  });

  it('uses http with the port outside production', () => {
    const config = loadConfig({ ...valid, NODE_ENV: 'development', BASE_DOMAIN: 'localhost' });
    expect(config.originFor('poperinge')).toBe('http://poperinge.localhost:3000');
  });

  it('reads the news feed settings with their defaults', () => {
    const config = loadConfig(valid);
    expect(config.newsFeedAllowedHosts).toEqual([]);
    expect(config.newsFeedPerHostLimit).toBe(2);
    expect(config.newsFeedConcurrency).toBe(8);
    const set = loadConfig({
      ...valid,
      NEWS_FEED_ALLOWED_HOSTS: ' Localhost, *.localhost ,127.0.0.1,[::1]',
      NEWS_FEED_PER_HOST_LIMIT: '4',
      NEWS_FEED_CONCURRENCY: '16',
    });
    expect(set.newsFeedAllowedHosts).toEqual(['localhost', '*.localhost', '127.0.0.1', '[::1]']);
    expect(set.newsFeedPerHostLimit).toBe(4);
    expect(set.newsFeedConcurrency).toBe(16);
    expect(loadConfig({ ...valid, NEWS_FEED_ALLOWED_HOSTS: '' }).newsFeedAllowedHosts).toEqual([]);
  });

  it('refuses malformed news feed settings', () => {
    const env = {
      ...valid,
      NEWS_FEED_ALLOWED_HOSTS: 'http://localhost/',
      NEWS_FEED_PER_HOST_LIMIT: '0',
      NEWS_FEED_CONCURRENCY: 'many',
    };
    expect(() => loadConfig(env)).toThrow(
      /NEWS_FEED_ALLOWED_HOSTS must be host names[\s\S]*NEWS_FEED_PER_HOST_LIMIT[\s\S]*NEWS_FEED_CONCURRENCY/,
    );
  });
});
