import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ApiMetricsMiddleware, ServerApiModule } from '../server-api';
import { AdminController } from './admin.controller';

/** The admin console at `/admin`: static files; everything it shows comes from the server API. */
@Module({
  imports: [ServerApiModule],
  controllers: [AdminController],
})
export class AdminModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ApiMetricsMiddleware).forRoutes(AdminController);
  }
}
