import type { ErrorCode } from '../../../contracts/errors.ts';

/** The one error class for expected failures: a stable code from contracts/errors.ts plus optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, details?: unknown) {
    super(code);
    this.code = code;
    this.details = details;
  }
}
