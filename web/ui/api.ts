import type { Locale } from '../../contracts/enums.ts';

/** A failed API call. `code` is a stable code from contracts/errors.ts, or NETWORK / UNKNOWN from the client. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** The error body's `details` (e.g. per-field errors of CHANNEL_CONFIG_INVALID), as sent. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onAuthRequired: (() => void) | null = null;
let acceptLanguage: Locale = 'vi';

/** Called after login and /me; every non-GET request then carries it (the server checks it on staff routes). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The console registers this to show the login form when a session ends mid-work. */
export function setAuthRequiredHandler(handler: (() => void) | null): void {
  onAuthRequired = handler;
}

export function setApiLocale(locale: Locale): void {
  acceptLanguage = locale;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function send<T>(method: Method, path: string, body?: BodyInit, contentType?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage };
  if (contentType) headers['content-type'] = contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError('NETWORK', 0, 'network error');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Non-JSON body (a proxy error page): reported below by status.
  }
  if (!response.ok) {
    const error = toApiError(response.status, parsed);
    if (error.code === 'AUTH_REQUIRED' && onAuthRequired) onAuthRequired();
    throw error;
  }
  return parsed as T;
}

function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: { code?: unknown; message?: unknown; details?: unknown } }).error;
    if (typeof error.code === 'string') return new ApiError(error.code, status, typeof error.message === 'string' ? error.message : '', error.details);
  }
  return new ApiError(status >= 500 ? 'INTERNAL' : 'UNKNOWN', status, `HTTP ${status}`);
}

/** Builds a query string from defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, JSON.stringify(body ?? {}), 'application/json'),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, JSON.stringify(body), 'application/json'),
  delete: <T>(path: string) => send<T>('DELETE', path),
  /** multipart/form-data: the browser sets the boundary, so no content-type here. */
  upload: <T>(path: string, form: FormData) => send<T>('POST', path, form),
};
