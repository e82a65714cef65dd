import { pino } from 'pino';

/**
 * Structured JSON logs. Log ids and codes, never message text, phone numbers, addresses or tokens (STYLE §8);
 * the redact list is a safety net for fields that must never be written even by mistake.
 */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'gandan' },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'phone', '*.phone', 'email', '*.email', 'text', '*.text', 'body', '*.body', 'headers.cookie', 'req.headers'],
      censor: '[redacted]',
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
