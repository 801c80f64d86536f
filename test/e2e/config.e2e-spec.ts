import { startGateway } from '../support/gateway';

describe('configuration at startup', () => {
  it.each([
    ['TICK_RATE', 'fast', /TICK_RATE must be an integer/],
    ['PORT', '70000', /PORT must be an integer from 0 to 65535/],
    ['ARENA_BOUNDS', '1,2,3', /ARENA_BOUNDS must be six numbers/],
    ['ROOM_KINDS', 'duel-*', /ROOM_KINDS must be a list of pattern=kind pairs/],
  ])('should refuse to start with %s=%s and name the variable', async (name, value, message) => {
    await expect(startGateway({ [name]: value })).rejects.toThrow(message);
  });

  it('should refuse to start when a configured room kind has no game logic', async () => {
    await expect(startGateway({ ROOM_KINDS: 'duel-*=duel' })).rejects.toThrow(/Room kind "duel".*no @GameRoomKind\('duel'\)/);
  });
});
