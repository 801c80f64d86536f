import { Test } from '@nestjs/testing';
import type { Socket } from 'node:net';
import { Registry } from 'prom-client';
import { AuthError, AuthService, AuthUnavailableError } from '../auth';
import { limitsConfig } from '../config';
import { ConnectionDrain, ConnectionPool, type UpgradeRequest } from '../connection';
import { MetricsService } from '../metrics';
import { tokenOf, UpgradeGate } from './upgrade-gate.service';

function request(url: string, headers: Record<string, string> = {}, address = '10.0.0.1'): UpgradeRequest {
  return { url, headers, socket: { remoteAddress: address } as Socket } as unknown as UpgradeRequest;
}

describe(UpgradeGate.name, () => {
  const drain = { draining: false };
  const auth = { enabled: true, verify: jest.fn() };
  const pool = { size: 0, connectionsFrom: jest.fn((_address: string) => 0) };
  const limits = { allowedOrigins: ['https://game.example.com'], maxConnectionsPerIp: 3, maxConnections: 10 };
  let gate: UpgradeGate;
  let open: jest.Mock;

  beforeEach(async () => {
    drain.draining = false;
    pool.size = 0;
    pool.connectionsFrom.mockReset().mockReturnValue(0);
    auth.verify.mockReset().mockResolvedValue({ userId: 'alice', expiresAt: 1_700_000_000_000 });
    open = jest.fn();
    const module = await Test.createTestingModule({
      providers: [
        UpgradeGate,
        { provide: ConnectionDrain, useValue: drain },
        { provide: AuthService, useValue: auth },
        { provide: ConnectionPool, useValue: pool },
        { provide: MetricsService, useValue: new MetricsService(new Registry()) },
        { provide: limitsConfig.KEY, useValue: limits },
      ],
    }).compile();
    gate = module.get(UpgradeGate);
  });

  describe('admit', () => {
    it('should open a valid request and leave the verified user id and token expiry on it', async () => {
      const req = request('/ws?token=t', { origin: 'https://game.example.com' });
      await expect(gate.admit(req, open)).resolves.toBeUndefined();
      expect(open).toHaveBeenCalledTimes(1);
      expect(req).toEqual(expect.objectContaining({ verifiedUserId: 'alice', tokenExpiresAt: 1_700_000_000_000 }));
    });

    it('should answer 503 while shutting down, before verifying anything', async () => {
      drain.draining = true;
      await expect(gate.admit(request('/ws?token=t'), open)).resolves.toEqual({ status: 503, reason: 'Service Unavailable' });
      expect(auth.verify).not.toHaveBeenCalled();
      expect(open).not.toHaveBeenCalled();
    });

    it('should answer 503 when shutdown began while the token was being verified', async () => {
      auth.verify.mockImplementation(async () => {
        drain.draining = true;
        return { userId: 'alice', expiresAt: 0 };
      });
      await expect(gate.admit(request('/ws?token=t'), open)).resolves.toEqual(expect.objectContaining({ status: 503 }));
      expect(open).not.toHaveBeenCalled();
    });

    it('should answer 403 to another origin', async () => {
      await expect(gate.admit(request('/ws?token=t', { origin: 'https://evil.example.com' }), open)).resolves.toEqual(
        expect.objectContaining({ status: 403 }),
      );
    });

    it('should close with 4100 without a token or with a token the verifier refuses, with the reason', async () => {
      await expect(gate.admit(request('/ws'), open)).resolves.toEqual({ closeCode: 4100, reason: expect.stringContaining('token missing') });
      auth.verify.mockRejectedValue(new AuthError('invalid token: signature verification failed'));
      await expect(gate.admit(request('/ws?token=t'), open)).resolves.toEqual({ closeCode: 4100, reason: 'invalid token: signature verification failed' });
      expect(open).not.toHaveBeenCalled();
    });

    it('should close with 4101 for an expired token', async () => {
      auth.verify.mockRejectedValue(new AuthError('token expired', true));
      await expect(gate.admit(request('/ws?token=t'), open)).resolves.toEqual(expect.objectContaining({ closeCode: 4101 }));
    });

    it('should answer 503 (retry later), not 4100, when the keys could not be fetched', async () => {
      auth.verify.mockRejectedValue(new AuthUnavailableError('JWKS timeout'));
      await expect(gate.admit(request('/ws?token=t'), open)).resolves.toEqual(expect.objectContaining({ status: 503 }));
    });

    it('should answer 429 when the address already has MAX_CONNECTIONS_PER_IP connections', async () => {
      pool.connectionsFrom.mockReturnValue(3);
      await expect(gate.admit(request('/ws?token=t'), open)).resolves.toEqual(expect.objectContaining({ status: 429 }));
      expect(pool.connectionsFrom).toHaveBeenCalledWith('10.0.0.1');
      expect(auth.verify).not.toHaveBeenCalled();
    });

    it('should answer 503 when open connections reach MAX_CONNECTIONS, before verifying anything', async () => {
      pool.size = 10;
      await expect(gate.admit(request('/ws?token=t'), open)).resolves.toEqual({ status: 503, reason: 'Service Unavailable' });
      expect(auth.verify).not.toHaveBeenCalled();
    });

    it('should count upgrades still being verified against both limits, and release them once settled', async () => {
      const verifications: (() => void)[] = [];
      auth.verify.mockImplementation(() => new Promise((resolve) => verifications.push(() => resolve({ userId: 'a', expiresAt: 0 }))));
      pool.size = 7;
      // Two upgrades from one address and one from another are being verified: 7 + 3 = MAX_CONNECTIONS (10).
      const inFlight = [
        gate.admit(request('/ws?token=t'), open),
        gate.admit(request('/ws?token=t'), open),
        gate.admit(request('/ws?token=t', {}, '10.0.0.2'), open),
      ];
      expect(gate.pendingUpgrades).toBe(3);
      await expect(gate.admit(request('/ws?token=t', {}, '10.0.0.3'), open)).resolves.toEqual(expect.objectContaining({ status: 503 }));
      // Per address: 2 being verified + 1 open from 10.0.0.1 = MAX_CONNECTIONS_PER_IP (3).
      pool.size = 0;
      pool.connectionsFrom.mockImplementation((address: string) => (address === '10.0.0.1' ? 1 : 0));
      await expect(gate.admit(request('/ws?token=t'), open)).resolves.toEqual(expect.objectContaining({ status: 429 }));
      for (const verified of verifications) verified();
      await Promise.all(inFlight);
      expect(gate.pendingUpgrades).toBe(0);
      expect(open).toHaveBeenCalledTimes(3);
      auth.verify.mockResolvedValue({ userId: 'a', expiresAt: 0 });
      await expect(gate.admit(request('/ws?token=t'), open)).resolves.toBeUndefined();
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
