import type { WireVersion } from '../codec';
/** A seat of a local client in a room run by another instance. */
export interface LocalSeat {
  playerId: string;
  nickname: string;
  /** Protocol version of the seat's connection here. */
  wireVersion: WireVersion;
}

/**
 * What this instance knows of rooms run elsewhere that have members here: the seats of its
 * clients, the last known owner, and the history epoch the owner last reported (a dropped
 * client's session is parked with it). Shared by the bridge's router, its owner requests and its housekeeping.
 */
export class RemoteSeats {
  private readonly seats = new Map<string, Map<string, LocalSeat>>();
  private readonly owners = new Map<string, string>();
  private readonly epochs = new Map<string, string>();

  rooms(): IterableIterator<string> {
    return this.seats.keys();
  }

  of(roomId: string): Map<string, LocalSeat> {
    let seats = this.seats.get(roomId);
    if (!seats) this.seats.set(roomId, (seats = new Map()));
    return seats;
  }

  /** Whether a client of this instance holds a seat in the room (without creating its entry). */
  has(roomId: string, clientId: string): boolean {
    return this.seats.get(roomId)?.has(clientId) ?? false;
  }

  seat(roomId: string, clientId: string, seat: LocalSeat): void {
    this.of(roomId).set(clientId, seat);
  }

  /** Drops a client's seat; a room without seats here is forgotten. */
  unseat(roomId: string, clientId: string): void {
    const seats = this.seats.get(roomId);
    seats?.delete(clientId);
    if (seats?.size === 0) this.forget(roomId);
  }

  /** Forgets a room (it is run here now, or has no members here) and returns the seats it had. */
  take(roomId: string): Map<string, LocalSeat> | undefined {
    const seats = this.seats.get(roomId);
    this.forget(roomId);
    return seats;
  }

  ownerOf(roomId: string): string | undefined {
    return this.owners.get(roomId);
  }

  setOwner(roomId: string, owner: string): void {
    this.owners.set(roomId, owner);
  }

  epochOf(roomId: string): string {
    return this.epochs.get(roomId) ?? '';
  }

  setEpoch(roomId: string, epoch: string): void {
    this.epochs.set(roomId, epoch);
  }

  private forget(roomId: string): void {
    this.seats.delete(roomId);
    this.owners.delete(roomId);
    this.epochs.delete(roomId);
  }
}
