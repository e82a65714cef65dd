import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_STATUS, type ErrorCode } from '../../../contracts/errors.ts';
import { ERROR_MESSAGES, pickLocale } from '../i18n/messages.ts';
import { AppError } from '../lib/app-error.ts';

/** Fastify's own error codes mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BODY_MALFORMED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BODY_MALFORMED',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'MEDIA_TYPE_UNSUPPORTED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BODY_MALFORMED',
  FST_REQ_FILE_TOO_LARGE: 'UPLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'MEDIA_TYPE_UNSUPPORTED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** Sends `{ error: { code, message, details? } }` with the status of the code (contracts/errors.ts). */
export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: unknown): FastifyReply {
  const message = ERROR_MESSAGES[code][pickLocale(request.headers['accept-language'])];
  return reply.status(ERROR_STATUS[code]).send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/** One table from errors to HTTP answers; unexpected errors are logged (message only) and answered 500. */
export function handleError(err: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof AppError) return sendError(request, reply, err.code, err.details);
  const fe = err as FastifyError & { validation?: { instancePath?: string; message?: string }[] };
  if (fe.validation) {
    const details = fe.validation.map((v) => ({ path: v.instancePath ?? '', message: v.message ?? '' }));
    return sendError(request, reply, 'VALIDATION_FAILED', details);
  }
  if (fe.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED');
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return sendError(request, reply, mapped);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return sendError(request, reply, fe.statusCode === 404 ? 'NOT_FOUND' : 'BODY_MALFORMED');
  request.log.error({ err: { message: err.message, code: fe.code, stack: err.stack } }, 'unhandled error');
  return sendError(request, reply, 'INTERNAL');
}
