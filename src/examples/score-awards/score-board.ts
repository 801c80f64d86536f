import { Injectable } from '@nestjs/common';

/** Points per player. In memory for the example; a real backend keeps them in its database. */
@Injectable()
export class ScoreBoard {
  private readonly points = new Map<string, number>();

  award(playerId: string, points: number): number {
    const total = (this.points.get(playerId) ?? 0) + points;
    this.points.set(playerId, total);
    return total;
  }

  of(playerId: string): number {
    return this.points.get(playerId) ?? 0;
  }
}
