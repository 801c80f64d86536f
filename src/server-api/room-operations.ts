import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { INSTANCE_ID } from '../bus';
import { serverApiConfig } from '../config';
import { ConnectionPool } from '../connection';
import { ROOM_HISTORY, type RoomHistory } from '../history';
import { LeaveReason, MessageType, serverMessage } from '../protocol';
import { type Member, type Room, RoomAdmission, RoomFanout, RoomRegistry } from '../rooms';
import { FrameRecords, StateMirror } from '../state';
import type { HistoryReply, RoomDetail, RoomMember, RoomSummary, StateSummary } from './api-models';

/** A room event a backend publishes: `data` already checked (a JSON object within the size limit). */
export interface RoomEventRequest {
  room_id: string;
  name: string;
  data: Record<string, unknown>;
  reliable: boolean;
}

/**
 * What this instance answers about the rooms it runs (and the bytes it sends for rooms with
 * members here). Every method answers null for a room run elsewhere, so that the caller's
 * scatter-gather finds the one instance that runs it; nothing changes on a room not found.
 */
@Injectable()
export class RoomOperations {
  /** Frame bytes per room at the previous sample, and when: `bytes_per_second` is the rate between two samples. */
  private sampled = new Map<string, number>();
  private sampledAt = performance.now();
  private rates = new Map<string, number>();

  constructor(
    @Inject(INSTANCE_ID) private readonly instanceId: string,
    @Inject(serverApiConfig.KEY) private readonly config: ConfigType<typeof serverApiConfig>,
    @Inject(ROOM_HISTORY) private readonly history: RoomHistory,
    private readonly registry: RoomRegistry,
    private readonly admission: RoomAdmission,
    private readonly fanout: RoomFanout,
    private readonly pool: ConnectionPool,
  ) {}

  /** Turns the frame byte counts into rates; called once per heartbeat, never per frame. */
  sampleTraffic(): void {
    const now = performance.now();
    const seconds = (now - this.sampledAt) / 1000;
    const next = new Map<string, number>();
    const rates = new Map<string, number>();
    for (const [roomId, bytes] of this.fanout.frameBytesSent()) {
      next.set(roomId, bytes);
      const before = this.sampled.get(roomId);
      if (before !== undefined && seconds > 0) rates.set(roomId, Math.round((bytes - before) / seconds));
    }
    this.sampled = next;
    this.sampledAt = now;
    this.rates = rates;
  }

  /** The rooms run here, and the frame rate (bytes/s) of every room with members here. */
  list(): { rooms: RoomSummary[]; traffic: Record<string, number> } {
    return { rooms: [...this.registry.values()].map((room) => this.summary(room)), traffic: Object.fromEntries(this.rates) };
  }

  detail(roomId: string): RoomDetail | null {
    const room = this.registry.get(roomId);
    if (!room) return null;
    const { offset, epoch } = this.history.position(roomId);
    return {
      ...this.summary(room),
      options: { ...room.options },
      members: [...room.members.values()].map((member) => this.member(member)),
      state: this.stateOf(room),
      offset,
      epoch,
    };
  }

  /** Publishes a backend's event to every member, like an event of the room's logic. */
  publish(request: RoomEventRequest): { offset: number; delivered: number } | null {
    const room = this.registry.get(request.room_id);
    if (!room) return null;
    const message = serverMessage(MessageType.RoomEvent, { room_id: room.id, name: request.name, data: request.data }, { room_id: room.id });
    if (!request.reliable) {
      this.fanout.publish(room.id, message);
      return { offset: 0, delivered: room.members.size };
    }
    return { offset: this.fanout.publishReliable(room.id, message), delivered: room.members.size };
  }

  /**
   * Removes every member (each gets `player_left` "kicked" with `detail`, on whatever instance its
   * socket is); the last one leaving disposes the room as usual.
   */
  close(roomId: string, reason: string): { removed: number } | null {
    const room = this.registry.get(roomId);
    if (!room) return null;
    const members = [...room.members.values()];
    for (const member of members) this.admission.unseat(room, member, LeaveReason.Kicked, `room closed: ${reason}`);
    return { removed: members.length };
  }

  /** The newest reliable events after `since` (at most SERVER_API_HISTORY_MAX_EVENTS and `limit`). */
  readHistory(roomId: string, since: number, limit: number): HistoryReply | null {
    if (!this.registry.get(roomId)) return null;
    const position = this.history.position(roomId);
    const max = Math.min(limit, this.config.historyMaxEvents);
    let from = Math.max(since, position.offset - max);
    // Older events may have been evicted: move the start up until the log reaches it (a few reads at most).
    for (;;) {
      const read = this.history.readSince(roomId, { offset: from, epoch: position.epoch });
      if (read.recovered) {
        return { room_id: roomId, epoch: position.epoch, offset: position.offset, complete: from === since, events: read.events };
      }
      if (from >= position.offset) return { room_id: roomId, epoch: position.epoch, offset: position.offset, complete: false, events: [] };
      from += Math.max(1, Math.ceil((position.offset - from) / 2));
    }
  }

  private summary(room: Room): RoomSummary {
    return {
      room_id: room.id,
      kind: room.kind.name,
      clients: room.members.size,
      max_clients: room.kind.maxPlayers,
      instance: this.instanceId,
      frame: room.frameNum,
      tick_ms: Math.round(room.tickTimeMs * 1000) / 1000,
      bytes_per_second: this.rates.get(room.id) ?? 0,
    };
  }

  private member(member: Member): RoomMember {
    const here = member.instanceId === undefined;
    return {
      player_id: member.playerId,
      client_id: member.clientId,
      nickname: member.nickname,
      entity_id: member.entityId,
      instance: member.instanceId ?? this.instanceId,
      protocol: member.wireVersion,
      parked: member.orphanedAt !== undefined || (here && this.pool.get(member.clientId) === undefined),
    };
  }

  /** The room's state as its clients would decode it from a keyframe (the reference apply algorithm), capped. */
  private stateOf(room: Room): StateSummary {
    const records = new FrameRecords();
    room.state.writeKeyframe(records);
    const mirror = new StateMirror(room.kind.options.state.describe());
    mirror.apply({ frame: room.frameNum, key: true, ops: records.ops, strings: records.strings });
    const ids = [...mirror.entities.keys()].sort((a, b) => a - b);
    const shown = ids.slice(0, this.config.stateMaxEntities);
    return {
      entity_count: ids.length,
      entities: shown.map((id) => ({ id, type: mirror.entities.get(id)!.type, fields: mirror.view(id) ?? {} })),
      truncated: shown.length < ids.length,
    };
  }
}
