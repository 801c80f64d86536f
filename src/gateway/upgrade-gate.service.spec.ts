import { Test } from '@nestjs/testing';
import type { Socket } from 'node:net';
import { AuthError, AuthService } from '../auth';
import { limitsConfig } from '../config';
import { ConnectionDrain, ConnectionPool, type UpgradeRequest } from '../connection';
import { tokenOf, UpgradeGate } from './upgrade-gate.service';

function request(url: string, headers: Record<string, string> = {}): UpgradeRequest {
  return { url, headers, socket: { remoteAddress: '10.0.0.1' } as Socket } as unknown as UpgradeRequest;
}

describe(UpgradeGate.name, () => {
  const drain = { draining: false };
  const auth = { enabled: true, verify: jest.fn() };
  const pool = { connectionsFrom: jest.fn(() => 0) };
  let gate: UpgradeGate;

  beforeEach(async () => {
    drain.draining = false;
    auth.verify.mockReset().mockResolvedValue('alice');
    const module = await Test.createTestingModule({
      providers: [
        UpgradeGate,
        { provide: ConnectionDrain, useValue: drain },
        { provide: AuthService, useValue: auth },
        { provide: ConnectionPool, useValue: pool },
        { provide: limitsConfig.KEY, useValue: { allowedOrigins: ['https://game.example.com'], maxConnectionsPerIp: 3 } },
      ],
    }).compile();
    gate = module.get(UpgradeGate);
  });

  describe('check', () => {
    it('should let a valid request through and leave the verified user id on it', async () => {
      const req = request('/ws?token=t', { origin: 'https://game.example.com' });
      await expect(gate.check(req)).resolves.toBeUndefined();
      expect(req.verifiedUserId).toBe('alice');
    });

    it('should answer 503 while shutting down, before verifying anything', async () => {
      drain.draining = true;
      await expect(gate.check(request('/ws?token=t'))).resolves.toEqual({ status: 503, reason: 'Service Unavailable' });
      expect(auth.verify).not.toHaveBeenCalled();
    });

    it('should answer 503 when shutdown began while the token was being verified', async () => {
      auth.verify.mockImplementation(async () => {
        drain.draining = true;
        return 'alice';
      });
      await expect(gate.check(request('/ws?token=t'))).resolves.toEqual(expect.objectContaining({ status: 503 }));
    });

    it('should answer 403 to another origin', async () => {
      await expect(gate.check(request('/ws?token=t', { origin: 'https://evil.example.com' }))).resolves.toEqual(
        expect.objectContaining({ status: 403 }),
      );
    });

    it('should answer 401 without a token or with a token the verifier refuses', async () => {
      await expect(gate.check(request('/ws'))).resolves.toEqual(expect.objectContaining({ status: 401 }));
      auth.verify.mockRejectedValue(new AuthError('expired'));
      await expect(gate.check(request('/ws?token=t'))).resolves.toEqual(expect.objectContaining({ status: 401 }));
    });

    it('should answer 429 when the address already has MAX_CONNECTIONS_PER_IP connections', async () => {
      pool.connectionsFrom.mockReturnValueOnce(3);
      await expect(gate.check(request('/ws?token=t'))).resolves.toEqual(expect.objectContaining({ status: 429 }));
      expect(pool.connectionsFrom).toHaveBeenCalledWith('10.0.0.1');
    });
  });

  describe('tokenOf', () => {
    it('should prefer ?token= over the subprotocol', () => {
      expect(tokenOf(request('/ws?token=q', { 'sec-websocket-protocol': 'game.v1.json, token.s' }))).toBe('q');
    });

    it('should find a token.<jwt> entry among the offered subprotocols', () => {
      expect(tokenOf(request('/ws', { 'sec-websocket-protocol': 'game.v1.json, token.aaa.bbb.ccc' }))).toBe('aaa.bbb.ccc');
    });

    it('should find nothing when neither is given', () => {
      expect(tokenOf(request('/ws', { 'sec-websocket-protocol': 'game.v1.json, token.' }))).toBeUndefined();
    });
  });
});
