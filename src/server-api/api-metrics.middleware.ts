import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter } from 'prom-client';
import { METRIC_PREFIX, MetricsService } from '../metrics';

/** Express sets `route` on the request once a route matched: its path pattern (`/api/rooms/:roomId`), never the ids in it. */
type RoutedRequest = IncomingMessage & { route?: { path?: string } };

/** `gateway_api_requests_total{route,method,status}`: one counter per app (the middleware may be built more than once). */
@Injectable()
export class ApiCallMetrics {
  readonly requests: Counter<'route' | 'method' | 'status'>;

  constructor(metrics: MetricsService) {
    this.requests = new Counter({
      name: `${METRIC_PREFIX}api_requests_total`,
      help: 'Server API and admin console calls, by route pattern, method and HTTP status',
      labelNames: ['route', 'method', 'status'],
      registers: [metrics.registry],
    });
  }
}

/**
 * Counts every server API and admin console call by route pattern and status, refused ones
 * included; the label values are patterns, so their number stays small whatever the ids.
 */
@Injectable()
export class ApiMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: ApiCallMetrics) {}

  use(request: RoutedRequest, response: ServerResponse, next: () => void): void {
    response.once('finish', () => {
      this.metrics.requests.labels(request.route?.path ?? 'unmatched', request.method ?? '', String(response.statusCode)).inc();
    });
    next();
  }
}
