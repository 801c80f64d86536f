import { CodecId } from '../codec';
import { gameproto } from '../protocol';
import { CellGrid, CellView, defineState, type FramePart } from '../state';
import { InterestOutbox } from './interest-outbox';
import { ROOM_FRAME, type RoomFrame } from './room-frame.topic';

const frame: RoomFrame = {
  frame: 9,
  time: 1700000000000,
  delta: { ops: [0, 4, 1], strings: [] },
  key: { ops: [0, 5, 0, 7], strings: [] },
  keyOnly: false,
  interest: {
    cells: new Map([
      [3, { ops: [2, 12, 8, -8], strings: [] }],
      [4, { ops: [5, 17, 1, 6], strings: ['ann'] }],
    ]),
    keys: new Map([[5, { ops: [9, 5, 2, 40], strings: [] }]]),
    views: [{ clientId: 'a', entered: [5], left: [1], full: false }],
    syncs: new Map(),
  },
};

describe(InterestOutbox.name, () => {
  it('should encode each part once per codec, whatever the number of frames composed from it', () => {
    const out = new InterestOutbox(frame);
    const parts: FramePart[] = [{ kind: 'global' }, { kind: 'cell', cell: 3 }, { kind: 'cell', cell: 4 }, { kind: 'cell-key', cell: 5 }, { kind: 'drop', cell: 1 }];
    for (let member = 0; member < 100; member++) {
      out.compose(CodecId.Protobuf, parts.slice(member % 3), { key: false, base: member % 2 ? 7 : undefined });
      out.compose(CodecId.Json, parts, { key: false, room: 2 });
    }
    expect(out.encodedParts).toBe(parts.length); // 5 parts for 200 frames
    expect(out.encodings).toBe(2 * parts.length); // once per part and codec
  });

  it('should encode a part only in the codecs its members speak', () => {
    const out = new InterestOutbox(frame);
    const parts: FramePart[] = [{ kind: 'global' }, { kind: 'cell', cell: 3 }, { kind: 'drop', cell: 1 }];
    for (let member = 0; member < 50; member++) out.compose(CodecId.Protobuf, parts, { key: false });
    expect(out.encodings).toBe(parts.length); // no JSON text made on an instance of protobuf members
  });

  it('should compose the frame of a view once per codec and hand every member of that view the same message', () => {
    const out = new InterestOutbox(frame);
    let plans = 0; // planFrame reads globalChanged once per plan
    const changes = { get globalChanged() { return (plans++, true); }, hasCell: (cell: number) => cell === 3 || cell === 4 };
    const quietChanges = { get globalChanged() { return (plans++, false); }, hasCell: () => false };
    const viewOf = (cells: number[]) => {
      const view = new CellView(new CellGrid(defineState({}), { cellSize: 100, positions: {} }));
      view.reset(cells);
      return view;
    };
    const members = Array.from({ length: 40 }, () => viewOf([3, 4])); // one view object per member, same cells
    const proto = members.map((view) => out.viewFrame(CodecId.Protobuf, view, changes));
    const json = members.slice(0, 10).map((view) => out.viewFrame(CodecId.Json, view, changes));
    const quiet = Array.from({ length: 5 }, () => out.viewFrame(CodecId.Protobuf, viewOf([7, 8]), quietChanges));
    expect(new Set(proto).size).toBe(1);
    expect(new Set(json).size).toBe(1);
    expect(plans).toBe(3); // one plan per view and codec, the unchanged view's included
    expect(out.compositions).toBe(2);
    expect(quiet).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const state = gameproto.StateFrame.decode(gameproto.Message.decode(proto[0]!.encoded[CodecId.Protobuf]!).payload);
    expect(gameproto.StateFrame.toObject(state, { longs: Number })).toEqual({ frame: 9, ops: [0, 4, 1, 0, 3, 3, 2, 12, 8, -8, 0, 3, 4, 5, 17, 1, 6], strings: ['ann'] });
    expect(JSON.parse(json[0]!.encoded[CodecId.Json]!.toString()).payload.ops).toEqual([0, 4, 1, 0, 3, 3, 2, 12, 8, -8, 0, 3, 4, 5, 17, 1, 6]);
  });

  it('should make a protobuf frame any protobuf decoder reads as one StateFrame, chunks concatenated', () => {
    const out = new InterestOutbox(frame);
    const bytes = out.compose(CodecId.Protobuf, [{ kind: 'global' }, { kind: 'drop', cell: 1 }, { kind: 'cell', cell: 4 }], { key: false, base: 0, room: 3 });
    const message = gameproto.Message.decode(bytes);
    expect(message.type).toBe(gameproto.MessageType.STATE);
    const state = gameproto.StateFrame.toObject(gameproto.StateFrame.decode(message.payload), { longs: Number });
    expect(state).toEqual({ room: 3, frame: 9, base: 0, ops: [0, 4, 1, 0, 7, 1, 0, 3, 4, 5, 17, 1, 6], strings: ['ann'] });
  });

  it('should put the tick time on deltas only when stamping (STATE_FRAME_TIME)', () => {
    const decode = (bytes: Buffer) => gameproto.StateFrame.toObject(gameproto.StateFrame.decode(gameproto.Message.decode(bytes).payload), { longs: Number });
    const parts: FramePart[] = [{ kind: 'global' }];
    expect(decode(new InterestOutbox(frame).compose(CodecId.Protobuf, parts, { key: false })).time).toBeUndefined();
    expect(decode(new InterestOutbox(frame, true).compose(CodecId.Protobuf, parts, { key: false }))).toEqual({ frame: 9, time: 1700000000000, ops: [0, 4, 1] });
    expect(JSON.parse(new InterestOutbox(frame, true).compose(CodecId.Json, parts, { key: false }).toString()).payload).toEqual({ frame: 9, time: 1700000000000, ops: [0, 4, 1] });
  });

  it('should make the same frame in JSON', () => {
    const out = new InterestOutbox(frame);
    const text = out.compose(CodecId.Json, [{ kind: 'global-key' }, { kind: 'cell-key', cell: 5 }], { key: true }).toString();
    expect(JSON.parse(text)).toEqual({ type: 'state', payload: { frame: 9, key: true, time: 1700000000000, ops: [0, 5, 0, 7, 0, 3, 5, 9, 5, 2, 40] } });
  });
});

describe('ROOM_FRAME (interest-managed frames between instances)', () => {
  it('should carry every part and per-member view change through the bus encoding', () => {
    const decoded = ROOM_FRAME.decode(ROOM_FRAME.encode(frame));
    expect(decoded.frame).toBe(9);
    expect(decoded.delta).toEqual({ ops: [0, 4, 1], strings: [] });
    expect([...decoded.interest!.cells]).toEqual([...frame.interest!.cells]);
    expect([...decoded.interest!.keys]).toEqual([...frame.interest!.keys]);
    expect(decoded.interest!.views).toEqual(frame.interest!.views);
  });
});
