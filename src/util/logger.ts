/**
 * The logging port of domain code: the one method it calls, which a pino logger has. Only the
 * composition root (src/main.ts, scripts/) creates a real logger (src/app/logger.ts).
 */
export interface Logger {
  warn(details: object, message: string): void;
}
