/**
 * Stable error codes: clients and dashboards rely on them, messages may change (STYLE §8).
 * Every API error body is `{ error: { code, message, details? } }`; `message` follows Accept-Language.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BODY_MALFORMED: 400,
  BODY_TOO_LARGE: 413,
  MEDIA_TYPE_UNSUPPORTED: 415,
  UNIT_NOT_FOUND: 422,
  UPLOAD_NOT_FOUND: 422,
  UPLOAD_TYPE_NOT_ALLOWED: 415,
  UPLOAD_TOO_LARGE: 413,
  UPLOAD_UNREADABLE: 422,
  LOCATION_OUT_OF_RANGE: 422,
  CASE_NOT_FOUND: 404,
  ATTACHMENT_NOT_FOUND: 404,
  TRACKING_CODE_INVALID: 400,
  STATUS_TRANSITION_NOT_ALLOWED: 409,
  REPLY_NOT_POSSIBLE: 409,
  RATING_NOT_POSSIBLE: 409,
  REOPEN_NOT_POSSIBLE: 409,
  AUTH_REQUIRED: 401,
  CHANNEL_SIGNATURE_INVALID: 401,
  CHANNEL_VERIFY_TOKEN_INVALID: 403,
  CHANNEL_CONFIG_INVALID: 422,
  AUTH_INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  STAFF_NOT_FOUND: 422,
  /** A note mentions someone who may not read the case (or no such active staff); details: `staffIds`. */
  MENTION_NOT_ALLOWED: 422,
  EMAIL_TAKEN: 409,
  OUTBOUND_NOT_FOUND: 404,
  OUTBOUND_NOT_RETRYABLE: 409,
  TEMPLATE_INVALID: 422,
  /** A reply template uses a variable that does not exist; details: unknown (the names), allowed. */
  TEMPLATE_VARIABLE_UNKNOWN: 422,
  TEMPLATE_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  TRANSFER_NOT_FOUND: 404,
  /** Details carry the reason: same_unit, case_final, already_pending, already_decided. */
  TRANSFER_NOT_POSSIBLE: 409,
  VISIT_NOT_FOUND: 404,
  /** Details carry the reason: not_home_service, case_final, already_active, state (from, action), slot_taken. */
  VISIT_NOT_POSSIBLE: 409,
  /** Details list the problems per slot (in_past, outside_working_hours, officer_busy …) or the slot count. */
  VISIT_SLOT_INVALID: 422,
  /** Details list the problems: fee_negative, fee_too_large, receipt_missing, receipt_malformed … */
  VISIT_FEE_INVALID: 422,
  ROUTING_RULE_NOT_FOUND: 404,
  /** Details: `values`, the category codes the first pass never assigns. */
  ROUTING_CATEGORY_UNKNOWN: 422,
  /** Details: `values`, the procedure codes the first pass never assigns. */
  ROUTING_PROCEDURE_UNKNOWN: 422,
  /** Details: `ruleId` of the rule it collides with and `reason`: same_conditions or same_priority. */
  ROUTING_RULE_DUPLICATE: 409,
  /** The settings were changed by someone else since they were read (details: `version`, the current one). */
  SETTINGS_CHANGED: 409,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
