import { ServiceUnavailableException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TerminusModule } from '@nestjs/terminus';
import { BUS } from '../bus';
import { ConnectionDrain } from '../connection';
import { BusHealthIndicator } from './bus.health';
import { HealthController } from './health.controller';
import { ShutdownHealthIndicator } from './shutdown.health';

describe(HealthController, () => {
  let busReady: boolean;
  let controller: HealthController;
  let drain: { draining: boolean };

  beforeEach(async () => {
    busReady = true;
    drain = { draining: false };
    const module = await Test.createTestingModule({
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        BusHealthIndicator,
        ShutdownHealthIndicator,
        { provide: BUS, useValue: { isReady: () => busReady } },
        { provide: ConnectionDrain, useValue: drain },
      ],
    }).compile();
    controller = module.get(HealthController);
  });

  describe('liveness', () => {
    it('should be ok even while the bus is down', async () => {
      busReady = false;
      await expect(controller.liveness()).resolves.toEqual(expect.objectContaining({ status: 'ok' }));
    });
  });

  describe('readiness', () => {
    it('should be ok with the bus connected', async () => {
      await expect(controller.readiness()).resolves.toEqual(
        expect.objectContaining({ status: 'ok', info: expect.objectContaining({ bus: { status: 'up', state: 'connected' } }) }),
      );
    });

    it('should answer 503 naming the bus while it is down', async () => {
      busReady = false;
      const failure = controller.readiness();
      await expect(failure).rejects.toBeInstanceOf(ServiceUnavailableException);
      await expect(failure).rejects.toMatchObject({
        response: { status: 'error', error: { bus: { status: 'down', state: 'disconnected' } } },
      });
    });

    it('should answer 503 while the connections drain', async () => {
      drain.draining = true;
      await expect(controller.readiness()).rejects.toMatchObject({
        response: { error: { shutdown: { status: 'down', state: 'shutting down' } } },
      });
    });
  });
});
