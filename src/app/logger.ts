import pino from 'pino';

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
const SECRET_PATHS = [
  'token',
  'apiKey',
  'api_key',
  'authorization',
  'DISCORD_TOKEN',
  'OPENAI_API_KEY',
  '*.token',
  '*.apiKey',
  '*.authorization',
  'headers.authorization',
];

/** The process logger: JSON lines on stderr (stdout stays free for results), secrets redacted. */
export function createLogger(level: string): pino.Logger {
  return pino({ level, redact: { paths: SECRET_PATHS, censor: '[redacted]' } }, pino.destination(2));
}
