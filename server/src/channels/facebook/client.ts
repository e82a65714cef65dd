// Send API: https://developers.facebook.com/docs/messenger-platform/reference/send-api
// Errors:   https://developers.facebook.com/docs/graph-api/guides/error-handling
// Limits:   https://developers.facebook.com/docs/graph-api/overview/rate-limiting
import { createHmac } from 'node:crypto';
import type { HttpClient } from '../channel.ts';
import type { GraphErrorBody } from './types.ts';

export type GraphAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; error: NonNullable<GraphErrorBody['error']>; regainAfterMs?: number };

/** POST /{version}/{page-id}/messages with the Page token and appsecret_proof (facebook spec §1, §5.1, §5.3). */
export function postPageMessage(
  http: HttpClient,
  input: { graphUrl: string; version: string; pageId: string; pageToken: string; appSecret: string; body: Record<string, unknown> },
): Promise<GraphAnswer> {
  return postToNode(http, { ...input, path: `${input.pageId}/messages` });
}

/** POST /{version}/{comment-id}/comments: the Page's public reply under a comment (facebook spec §5.4). */
export function postCommentReply(
  http: HttpClient,
  input: { graphUrl: string; version: string; commentId: string; pageToken: string; appSecret: string; message: string },
): Promise<GraphAnswer> {
  return postToNode(http, { ...input, path: `${encodeURIComponent(input.commentId)}/comments`, body: { message: input.message } });
}

async function postToNode(
  http: HttpClient,
  input: { graphUrl: string; version: string; path: string; pageToken: string; appSecret: string; body: Record<string, unknown> },
): Promise<GraphAnswer> {
  const proof = createHmac('sha256', input.appSecret).update(input.pageToken).digest('hex');
  const url = `${input.graphUrl}/${input.version}/${input.path}?access_token=${encodeURIComponent(input.pageToken)}&appsecret_proof=${proof}`;
  const res = await http(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input.body) });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown> & GraphErrorBody;
  if (res.ok && !body.error) return { ok: true, body };
  return { ok: false, status: res.status, error: body.error ?? { message: `HTTP ${res.status}` }, regainAfterMs: regainAfterMs(res.headers) };
}

/** `estimated_time_to_regain_access` (minutes) from X-Business-Use-Case-Usage; absent headers are normal (facebook spec §6). */
function regainAfterMs(headers: Headers): number | undefined {
  const raw = headers.get('x-business-use-case-usage');
  if (!raw) return undefined;
  try {
    const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Math.max(0, ...Object.values(usage).flat().map((u) => u.estimated_time_to_regain_access ?? 0));
    return minutes > 0 ? minutes * 60_000 : undefined;
  } catch {
    return undefined;
  }
}
