import type { BusTopic } from '../bus';
import type { InstanceSummary } from './api-models';
import type { ApiErrorCode } from './server-api.errors';

/** An instance announcing itself and its load; `leaving` when it shuts down. */
export interface NodeBeat {
  summary: InstanceSummary;
  /** Whether it answers server API requests (a gateway) or only asks (a backend process). */
  serves: boolean;
  leaving?: boolean;
  /** Sent in answer to a newcomer's beat: no answer back (prevents an echo loop). */
  reply?: boolean;
}

/** One server API operation asked of every instance; each answers on the asker's reply channel. */
export interface ApiRequest {
  id: number;
  op: string;
  args: Record<string, unknown>;
}

export interface ApiReply {
  id: number;
  result?: unknown;
  error?: { code: ApiErrorCode; message: string };
}

/** Admin traffic: JSON, a few messages per call or heartbeat, never on the per-message path. */
const json = <T>(name: string): BusTopic<T> => ({
  name,
  encode: (message) => Buffer.from(JSON.stringify(message)),
  decode: (bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')) as T,
});

export const NODE_BEAT = json<NodeBeat>('api.beat');
export const API_REQUEST = json<ApiRequest>('api.req');
export const API_REPLY = json<ApiReply>('api.rep');

export const NODES_CHANNEL = 'api:nodes';
export const REQUESTS_CHANNEL = 'api:requests';
export const replyChannel = (instanceId: string): string => `api:reply:${instanceId}`;
