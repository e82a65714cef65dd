import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';

/**
 * GeoReport v2 bodies in both formats from one value (the Spark convention, open311.md §1): JSON is the XML
 * without its root container; a container of repeated children is a JSON array even with one child; an empty
 * element is JSON null. XML: UTF-8 declaration, no namespace.
 */
export type GeoFormat = 'json' | 'xml';

const CHILD_OF: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: true, processEntities: true });

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function toXmlNode(value: Json, key: string): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) {
    const child = CHILD_OF[key] ?? 'item';
    return value.length === 0 ? '' : { [child]: value.map((v) => toXmlNode(v, child)) };
  }
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlNode(v, k)]));
  return String(value);
}

/** The XML document for `body` under `root` (e.g. 'services' for the list, 'service_definition' for one object). */
export function toGeoXml(root: string, body: Json): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: toXmlNode(body, root) }) as string}`;
}

export function sendGeo(reply: FastifyReply, format: GeoFormat, root: string, body: Json, status = 200): FastifyReply {
  reply.status(status).header('cache-control', 'no-store');
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  return reply.type('text/xml; charset=utf-8').send(toGeoXml(root, body));
}

export type GeoErrorBody = { code: number; description: string };

/** `[{code, description}]` / `<errors><error>…</error></errors>` with the spec's status (403, 404 or 400). */
export function sendGeoErrors(reply: FastifyReply, format: GeoFormat, status: number, errors: readonly GeoErrorBody[]): FastifyReply {
  return sendGeo(reply, format, 'errors', errors.map((e) => ({ code: e.code, description: e.description })), status);
}

/** `requests.json` → {name: 'requests', format: 'json'}; no or an unknown suffix → format null. */
export function splitFormat(segment: string): { name: string; format: GeoFormat | null } {
  const m = /^(.*)\.(json|xml)$/u.exec(segment);
  if (m?.[1] !== undefined && (m[2] === 'json' || m[2] === 'xml')) return { name: m[1], format: m[2] };
  return { name: segment.replace(/\.[^./]*$/u, ''), format: null };
}
