import { Module } from '@nestjs/common';
import { WorldLogic } from './world.logic';

@Module({ providers: [WorldLogic] })
export class WorldModule {}
