import type { RoomHistory } from '../history';
import { LeaveReason } from '../protocol';
import type { ClientDelivery, RoomAdmission, RoomFanout, RoomRegistry } from '../rooms';
import { type RoomCommand, RoomCommandName } from './bridge.topics';
import { RoomOwnerCommands } from './room-owner-commands';
import type { RoomOwners } from './room-owners';
import type { RoomRestorer } from './room-restorer';

/** The owner's side of an answered leave (`RemoteLeaves` on the member's instance waits for it). */
describe(`${RoomOwnerCommands.name}: leave`, () => {
  const member = { clientId: 'c1' };
  const room = { id: 'r', members: new Map([['c1', member]]) };
  const leave: RoomCommand = { command: RoomCommandName.Leave, roomId: 'r', clientId: 'c1', requestId: 'q1', data: { reason: LeaveReason.Left } };

  function ownerWith(running: boolean) {
    const sent: [string, RoomCommand][] = [];
    const unseated: unknown[] = [];
    const rooms = { get: (id: string) => (running && id === 'r' ? room : undefined), inDoubt: () => false } as unknown as RoomRegistry;
    const admission = { unseat: (...args: unknown[]) => unseated.push(args) } as unknown as RoomAdmission;
    const owners = { send: (instance: string, command: RoomCommand) => sent.push([instance, command]) } as unknown as RoomOwners;
    const commands = new RoomOwnerCommands(rooms, admission, {} as RoomFanout, {} as ClientDelivery, owners, {} as RoomRestorer, 'me', 10, {} as RoomHistory);
    return { commands, sent, unseated };
  }

  it('should unseat the member of a room run here and answer the leave as done', () => {
    const { commands, sent, unseated } = ownerWith(true);
    commands.handle(leave, 'member-instance');
    expect(unseated).toEqual([[room, member, LeaveReason.Left]]);
    expect(sent).toEqual([['member-instance', expect.objectContaining({ command: RoomCommandName.Reply, requestId: 'q1', data: {} })]]);
  });

  // A room handed over (or never run here): the member's instance keeps the leave for the next owner.
  it('should refuse a leave for a room not run here, so that it goes to the next owner', () => {
    const { commands, sent, unseated } = ownerWith(false);
    commands.handle(leave, 'member-instance');
    expect(unseated).toEqual([]);
    expect(sent).toEqual([
      ['member-instance', expect.objectContaining({ command: RoomCommandName.Reply, requestId: 'q1', data: { error: expect.objectContaining({ code: 'INTERNAL' }) } })],
    ]);
  });

  it('should answer nothing to a leave sent one way (older instances, its own deferred leaves)', () => {
    const { commands, sent, unseated } = ownerWith(true);
    commands.handle({ ...leave, requestId: undefined }, 'member-instance');
    expect(unseated).toHaveLength(1);
    expect(sent).toEqual([]);
  });
});
