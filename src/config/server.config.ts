import { configNamespace, enumVar, intVar } from './env-var';

export const serverConfig = configNamespace('server', {
  port: intVar('PORT', { default: 8080, min: 0, max: 65535, doc: 'HTTP and WebSocket port (0 = any free port)' }),
  logLevel: enumVar('LOG_LEVEL', {
    default: 'log',
    values: ['error', 'warn', 'log', 'debug', 'verbose'] as const,
    doc: 'Least severe log level written',
  }),
  logFormat: enumVar('LOG_FORMAT', {
    default: 'auto',
    values: ['auto', 'json', 'pretty'] as const,
    doc: 'One JSON object per line (`json`), or readable colored lines (`pretty`); `auto` is `pretty` when stdout is a terminal, else `json`',
  }),
});
