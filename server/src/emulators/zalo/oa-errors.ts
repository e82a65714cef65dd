/** An OA API refusal: HTTP 200 with `{error, message}` and no `data` (zalo spec §1, §6). */
export class ZaloApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
  toBody(): { error: number; message: string } {
    return { error: this.code, message: this.message };
  }
}

export const zaloErrors = {
  rateLimited: () => new ZaloApiError(-32, 'Your application reached limit call api'),
  invalidParam: (field: string) => new ZaloApiError(-201, `${field} is invalid!`),
  notSupported: () => new ZaloApiError(-209, 'Not supported this api'),
  tooLong: () => new ZaloApiError(-210, 'Parameter exceeds allowable limit'),
  notFollower: () => new ZaloApiError(-213, 'User has not followed OA'),
  invalidToken: () => new ZaloApiError(-216, 'Access token is invalid'),
  expiredToken: () => new ZaloApiError(-220, 'access_token is expired or removed'),
  notInteracted7Days: () => new ZaloApiError(-230, 'User has not interacted with the OA in the past 7 days'),
  notInteracted: () => new ZaloApiError(-232, 'User has not interacted with the OA, or the last interaction has expired'),
  badMessageType: () => new ZaloApiError(-233, 'message type is invalid or not support'),
  v2ShutDown: () => new ZaloApiError(-240, 'MessageV2 API has been shut down'),
  badProof: () => new ZaloApiError(-242, 'Invalid appsecret_proof provided'),
} as const;
