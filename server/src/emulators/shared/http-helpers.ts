import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Body parsers both providers need: JSON that may be empty, urlencoded forms, and anything else kept as text
 * (so an unexpected content type reaches the handler and gets the provider's own error instead of a 415).
 */
export function registerLenientBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(null, { __unparsable: text });
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, { __raw: String(body) }));
}

/** Never answers: the client sees a timeout. The socket is dropped after `hangMs` or when the server closes. */
export function hangRequest(reply: FastifyReply, hangMs: number): void {
  reply.hijack();
  const socket = reply.raw.socket;
  const timer = setTimeout(() => socket?.destroy(), hangMs);
  timer.unref();
  socket?.once('close', () => clearTimeout(timer));
}
