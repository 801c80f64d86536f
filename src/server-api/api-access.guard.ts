import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ApiCredentials } from './api-credentials';

/** Lets a request through to a server API route when it carries the server API's (or the admin's) key or role. */
@Injectable()
export class ApiAccessGuard implements CanActivate {
  constructor(private readonly credentials: ApiCredentials) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.credentials.check('api', context.switchToHttp().getRequest<IncomingMessage>().headers.authorization);
    return true;
  }
}
