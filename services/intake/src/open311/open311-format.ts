/**
 * Open311 GeoReport v2 answers in the format the path's extension names: `.json` (an array or
 * object as the spec shows) or `.xml` (UTF-8 declaration, a root element, one child element per
 * item, built with fast-xml-parser). Errors are `[{code, description}]` / `<errors><error>`.
 */

import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';

export const open311Formats = ['json', 'xml'] as const;
export type Open311Format = (typeof open311Formats)[number];

export const contentTypes: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, suppressBooleanAttributes: false });

type Scalar = string | number | boolean | null | undefined;
export type Open311Value = Scalar | Open311Value[] | { [key: string]: Open311Value };

/**
 * What XML 1.0 cannot carry at all (outside its Char production: most controls, unpaired
 * surrogates, U+FFFE/U+FFFF), not even escaped. The text guard refuses them on input, but rows
 * stored before it may hold some, and one such character would make the whole list unreadable to
 * every client; dropped here, while JSON keeps them escaped.
 */
const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** XML has no null: an absent value is an empty element, as the spec's examples show. */
function forXml(value: Open311Value): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(notXmlCharacter, '');
  if (Array.isArray(value)) return value.map(forXml);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forXml(v)]));
  return value;
}

export function toXml(root: string, body: Record<string, Open311Value>): string {
  const document = builder.build({ [root]: forXml(body) }) as string;
  return `<?xml version="1.0" encoding="utf-8"?>\n${document}`;
}

/** The format named by the path's extension (`/services.xml`), JSON when there is none. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  return path.toLowerCase().endsWith('.xml') ? 'xml' : 'json';
}

/**
 * A list answer: JSON `[item, ...]`, XML `<root><item>…</item>…</root>`. The XML element names are
 * the spec's (services/service, service_requests/request).
 */
export function sendList(
  reply: FastifyReply,
  format: Open311Format,
  xml: { root: string; item: string },
  items: ReadonlyArray<Record<string, Open311Value>>,
  status = 200,
): FastifyReply {
  reply.code(status).type(contentTypes[format]);
  if (format === 'json') return reply.send(JSON.stringify(items));
  return reply.send(toXml(xml.root, { [xml.item]: [...items] }));
}

/** A single-object answer (discovery, service definition). */
export function sendObject(
  reply: FastifyReply,
  format: Open311Format,
  root: string,
  body: Record<string, Open311Value>,
): FastifyReply {
  reply.code(200).type(contentTypes[format]);
  return reply.send(format === 'json' ? JSON.stringify(body) : toXml(root, body));
}

export function sendErrors(
  reply: FastifyReply,
  format: Open311Format,
  status: number,
  description: string,
  /** The error's own number when the HTTP status is the spec's broader one (429 under a 400). */
  code = status,
): FastifyReply {
  return sendList(reply, format, { root: 'errors', item: 'error' }, [{ code, description }], status);
}
