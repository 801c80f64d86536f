/** DI token of the app's one prom-client `Registry` (never the library's global one). */
export const METRICS_REGISTRY = Symbol('GAME:METRICS_REGISTRY');
