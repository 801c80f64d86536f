import { CloseCode } from '../protocol';
import { ApiError, ApiErrorCode } from './server-api.errors';

/** Checks of what a backend sends: each failure names the field and what a valid value looks like. */

const invalid = (message: string) => new ApiError(ApiErrorCode.InvalidBody, message);

export function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw invalid('the body must be a JSON object (Content-Type: application/json)');
  return body as Record<string, unknown>;
}

export function eventName(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_.:-]{1,64}$/.test(value)) {
    throw invalid('"name" must be 1-64 characters of letters, digits, "_", ".", ":" or "-"');
  }
  return value;
}

/** A JSON object of at most `maxBytes` as JSON text (413 beyond). */
export function eventData(value: unknown, maxBytes: number): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('"data" must be a JSON object');
  const bytes = Buffer.byteLength(JSON.stringify(value));
  if (bytes > maxBytes) throw new ApiError(ApiErrorCode.PayloadTooLarge, `"data" is ${bytes} bytes as JSON; at most ${maxBytes} (SERVER_API_MAX_EVENT_BYTES)`);
  return value as Record<string, unknown>;
}

export function optionalBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalid(`"${field}" must be true or false`);
  return value;
}

export function optionalString(value: unknown, field: string, maxBytes: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || Buffer.byteLength(value) > maxBytes) throw invalid(`"${field}" must be a string of at most ${maxBytes} bytes`);
  return value;
}

/** 1000 or 4000-4999 (the application range); default 4102 Kicked. */
export function closeCode(value: unknown): number {
  if (value === undefined) return CloseCode.Kicked;
  if (!Number.isInteger(value) || (value !== 1000 && ((value as number) < 4000 || (value as number) > 4999))) {
    throw invalid('"code" must be 1000 or a close code from 4000 to 4999 (default 4102 Kicked)');
  }
  return value as number;
}

/** A query number: absent → `fallback`; otherwise a non-negative integer. */
export function queryInt(value: unknown, field: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw invalid(`query parameter "${field}" must be a non-negative integer`);
  return n;
}

/** A WebSocket close reason is at most 123 bytes; 120 leaves room. */
export const MAX_CLOSE_REASON_BYTES = 120;
