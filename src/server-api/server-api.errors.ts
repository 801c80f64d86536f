import { HttpException, HttpStatus } from '@nestjs/common';

/** What went wrong with a server API call; the HTTP body's `error`. */
export const ApiErrorCode = {
  Unauthorized: 'UNAUTHORIZED',
  ApiOff: 'API_OFF',
  UnknownRoom: 'UNKNOWN_ROOM',
  UnknownPlayer: 'UNKNOWN_PLAYER',
  InvalidBody: 'INVALID_BODY',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  InstancesUnavailable: 'INSTANCES_UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

const STATUS: Record<ApiErrorCode, HttpStatus> = {
  UNAUTHORIZED: HttpStatus.UNAUTHORIZED,
  API_OFF: HttpStatus.NOT_FOUND,
  UNKNOWN_ROOM: HttpStatus.NOT_FOUND,
  UNKNOWN_PLAYER: HttpStatus.NOT_FOUND,
  INVALID_BODY: HttpStatus.BAD_REQUEST,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  INSTANCES_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
};

/**
 * A refused server API call (nothing was changed). Over HTTP it is the status and the JSON body
 * `{ statusCode, error, message }`; `GatewayClient` callers in the same process catch it as is.
 *
 * @example throw new ApiError(ApiErrorCode.UnknownRoom, 'no room "lobby-7" on any instance');
 */
export class ApiError extends HttpException {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super({ statusCode: STATUS[code], error: code, message }, STATUS[code]);
  }

  /** As it travels between instances. */
  toJSON(): { code: ApiErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}
