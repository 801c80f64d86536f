import { keySlot } from './key-slot';

describe('keySlot', () => {
  it('should match the slots Redis Cluster computes', () => {
    // Values from the Redis Cluster specification and `CLUSTER KEYSLOT` on redis-server 7.
    expect(keySlot('123456789')).toBe(12739);
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('somekey')).toBe(11058);
    expect(keySlot('gw:room:é')).toBe(7541); // UTF-8 bytes, not UTF-16 code units
  });

  it('should hash only the first non-empty hash tag', () => {
    expect(keySlot('{user1000}.following')).toBe(keySlot('user1000'));
    expect(keySlot('foo{}{bar}')).toBe(8363); // an empty first tag: the whole key is hashed
    expect(keySlot('foo{{bar}}zap')).toBe(4015); // the tag is '{bar'
    expect(keySlot('é{x}')).toBe(16287);
    expect(keySlot('foo{bar}{zap}')).toBe(keySlot('bar'));
  });
});
