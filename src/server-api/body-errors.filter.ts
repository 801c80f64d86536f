import { type ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { ApiErrorCode } from './server-api.errors';

/** What body-parser throws (http-errors): a client fault with a status and a `type`. */
interface BodyParserError {
  status?: number;
  type?: string;
  expose?: boolean;
}

/**
 * Answers a request body the JSON parser refused (over the size limit, a bad encoding) with 4xx
 * JSON naming the problem, as the server API's own errors do. Without it, Nest logs these client
 * faults at `error` with a stack (malformed JSON it already answers with 400 itself). Everything
 * else goes to Nest's default handling.
 */
@Catch()
export class BodyErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const error = exception as BodyParserError;
    if (host.getType() !== 'http' || !error?.expose || !error.status || error.status >= 500 || !error.type?.startsWith('entity.')) {
      return super.catch(exception, host);
    }
    const tooLarge = error.status === HttpStatus.PAYLOAD_TOO_LARGE;
    const body = {
      statusCode: error.status,
      error: tooLarge ? ApiErrorCode.PayloadTooLarge : ApiErrorCode.InvalidBody,
      message: tooLarge ? 'the request body is over the HTTP body limit (100 kB)' : `the request body could not be read (${error.type})`,
    };
    const response = host.switchToHttp().getResponse<ServerResponse>();
    response.statusCode = error.status;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(body));
  }
}
