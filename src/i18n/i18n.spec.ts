import { hasTranslation, registerStrings, t } from './i18n';

describe('i18n', () => {
  it('fills placeholders', () => {
    expect(t('site.name')).toBe('Mantelzorghub');
  });

  it("adds a feature's strings, again harmlessly, and refuses a key another owner has", () => {
    registerStrings('proef', { nl: { 'proef.groet': 'Dag {name}' } });
    registerStrings('proef', { nl: { 'proef.groet': 'Dag {name}' } });
    expect(t('proef.groet', { name: 'An' })).toBe('Dag An');
    expect(() => registerStrings('ander', { nl: { 'proef.groet': 'Hallo' } })).toThrow(
      /ander registers strings that others own: proef.groet/,
    );
    expect(() => registerStrings('ander', { nl: { 'site.name': 'Iets anders' } })).toThrow(
      /site.name/,
    );
    expect([t('proef.groet', { name: 'An' }), t('site.name')]).toEqual(['Dag An', 'Mantelzorghub']);
    expect(hasTranslation('ander.iets')).toBe(false);
  });
});
