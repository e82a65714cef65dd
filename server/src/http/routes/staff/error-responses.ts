import { ErrorBodySchema } from '../../../../../contracts/api.ts';

/**
 * The error answers most staff routes declare (every error body is ErrorBodySchema, STYLE §8). A route file whose
 * routes answer fewer statuses declares its own map.
 */
export const staffErrors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema, 422: ErrorBodySchema };
