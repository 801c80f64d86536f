import { Module } from '@nestjs/common';
import { CtfLogic } from './ctf.logic';

@Module({ providers: [CtfLogic] })
export class CtfModule {}
