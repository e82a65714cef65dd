/**
 * Limits shared with the server. contracts/api.ts defines them next to zod schemas, and importing values from
 * it would pull zod (~100 KB gzip) into the portal bundle, so they are repeated here; limits.test.ts fails
 * if they drift from the contract.
 */
export const TEXT_MAX = 5000;
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const ATTACHMENTS_MAX = 5;
