import { Controller, Get, Header, HttpCode, Req, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiCredentials } from '../server-api';

/** <repo>/admin, the same from src/admin (ts-node, jest) and dist/admin (built). */
const CONSOLE_DIR = join(__dirname, '../../admin');

const FILES = {
  'index.html': 'text/html; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
} as const;

/**
 * `/admin`: the admin console, a static page that uses the server API only. The page itself
 * holds no data, but it is served only while the console is on (ADMIN_API_KEY or ADMIN_JWT_ROLE);
 * `GET /admin/session` tells the page whether the key typed in is an admin credential.
 */
@ApiExcludeController()
@Controller('admin')
export class AdminController {
  constructor(private readonly credentials: ApiCredentials) {}

  @Get()
  page(): Promise<StreamableFile> {
    return this.file('index.html');
  }

  @Get('console.js')
  script(): Promise<StreamableFile> {
    return this.file('console.js');
  }

  @Get('console.css')
  style(): Promise<StreamableFile> {
    return this.file('console.css');
  }

  /** 204 for an admin credential; 401 UNAUTHORIZED (or 404 API_OFF) otherwise. */
  @Get('session')
  @HttpCode(204)
  async session(@Req() request: IncomingMessage): Promise<void> {
    await this.credentials.check('admin', request.headers.authorization);
  }

  private async file(name: keyof typeof FILES): Promise<StreamableFile> {
    this.credentials.requireEnabled('admin'); // the same 404 as every /admin call while the console is off
    return new StreamableFile(await readFile(join(CONSOLE_DIR, name)), { type: FILES[name] });
  }
}
