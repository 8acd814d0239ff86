import { messageIdFor } from './message-id';

describe('messageIdFor', () => {
  const gent = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d5e6f7a8b';
  const ieper = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

  it('is stable for one outbox and key', () => {
    expect(messageIdFor(gent, 'verify:1', 'mantelzorghub.be')).toBe(
      messageIdFor(gent, 'verify:1', 'mantelzorghub.be'),
    );
    expect(messageIdFor(gent, 'verify:1', 'mantelzorghub.be')).toMatch(
      /^<[0-9a-f]{64}@mantelzorghub\.be>$/,
    );
  });

  it('differs between keys, municipalities and the platform outbox', () => {
    const ids = new Set([
      messageIdFor(gent, 'verify:1', 'x.be'),
      messageIdFor(gent, 'verify:2', 'x.be'),
      messageIdFor(ieper, 'verify:1', 'x.be'),
      messageIdFor(null, 'verify:1', 'x.be'),
    ]);
    expect(ids.size).toBe(4);
  });
});
