import { randomInt } from 'node:crypto';

export type HandshakeResult = { ok: boolean; status: number | null; challenge: string; body: string | null; error?: string };

/**
 * Meta's verification GET (facebook spec §2.2): `hub.mode=subscribe`, the verify token and an integer
 * challenge; the callback passes only by answering 200 with the bare challenge.
 */
export async function runVerificationHandshake(webhookUrl: string, verifyToken: string, timeoutMs = 5000): Promise<HandshakeResult> {
  const challenge = String(randomInt(100_000_000, 2_000_000_000));
  const url = new URL(webhookUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { ok: res.status === 200 && body === challenge, status: res.status, challenge, body };
  } catch (err) {
    return { ok: false, status: null, challenge, body: null, error: err instanceof Error ? err.message : String(err) };
  }
}
