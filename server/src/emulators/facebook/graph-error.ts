import { randomToken } from '../shared/ids.ts';

/** A Graph API error in Meta's envelope (facebook spec §7); adapters must decide on `code`/`error_subcode`. */
export class GraphError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
    readonly subcode?: number,
    readonly extra: { type?: string; is_transient?: boolean; error_user_title?: string; error_user_msg?: string } = {},
  ) {
    super(message);
  }

  toBody(): { error: Record<string, unknown> } {
    return {
      error: {
        message: this.message,
        type: this.extra.type ?? 'OAuthException',
        code: this.code,
        ...(this.subcode === undefined ? {} : { error_subcode: this.subcode }),
        ...(this.extra.is_transient === undefined ? {} : { is_transient: this.extra.is_transient }),
        ...(this.extra.error_user_title ? { error_user_title: this.extra.error_user_title } : {}),
        ...(this.extra.error_user_msg ? { error_user_msg: this.extra.error_user_msg } : {}),
        fbtrace_id: randomToken(8),
      },
    };
  }
}

/** The errors the emulator produces, by scenario (codes from facebook spec §5–§7). */
export const graphErrors = {
  invalidToken: () => new GraphError(400, 190, 'Invalid OAuth access token - Cannot parse access token'),
  expiredToken: () => new GraphError(400, 190, 'Error validating access token: Session has expired.', 463),
  badProof: () => new GraphError(400, 100, 'Invalid appsecret_proof provided in the API argument', undefined, { type: 'GraphMethodException' }),
  proofRequired: () => new GraphError(400, 100, 'API calls from the server require an appsecret_proof argument', undefined, { type: 'GraphMethodException' }),
  unknownObject: (id: string) =>
    new GraphError(400, 100, `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 33, { type: 'GraphMethodException' }),
  invalidParam: (detail: string) => new GraphError(400, 100, `(#100) ${detail}`),
  noMatchingUser: () => new GraphError(400, 100, '(#100) No matching user found', 2018001),
  outsideWindow: () =>
    new GraphError(400, 10, '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview', 2018278),
  noPermission: (what: string) => new GraphError(400, 10, `(#10) Application does not have permission for this action: ${what}`),
  userUnavailable: () => new GraphError(400, 551, 'This person isn\'t available right now.', 1545041),
  cannotReplyToActivity: () => new GraphError(400, 10903, 'This user can\'t reply to this activity'),
  deprecatedPrivateReplies: () => new GraphError(400, 12, '(#12) The private_replies edge is deprecated; send a private reply with the Send API and recipient.comment_id', undefined, { type: 'OAuthException' }),
  pageRateLimit: () => new GraphError(400, 32, '(#32) Page request limit reached', undefined, { is_transient: true }),
  temporary: () => new GraphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', undefined, { is_transient: true }),
} as const;
