import { Controller, Get, Header, ServiceUnavailableException, StreamableFile } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** <repo>/demo/dist, the same from src/demo (ts-node, jest) and dist/demo (built). */
const DEMO_DIST = join(__dirname, '../../demo/dist');

/** GET / serves the demo game page (built from demo/ by `npm run build:demo`). */
@Controller()
export class DemoController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): Promise<StreamableFile> {
    return this.file('index.html');
  }

  @Get('demo.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  script(): Promise<StreamableFile> {
    return this.file('demo.js');
  }

  private async file(name: string): Promise<StreamableFile> {
    try {
      return new StreamableFile(await readFile(join(DEMO_DIST, name)));
    } catch {
      throw new ServiceUnavailableException(`demo page not built: run "npm run build:demo" (missing demo/dist/${name})`);
    }
  }
}
