/**
 * Atom 1.0 documents (RFC 4287), written by hand: a feed has few parts, and a library would only
 * hide which of them a reader requires (id, title and updated on the feed and on each entry; an
 * author on the feed; a self link).
 */

/** One entry: a change a reader is told about once. */
export interface AtomEntry {
  /** Permanent and unique: a reader shows an entry whose id it has not seen as new. */
  id: string;
  title: string;
  /** The day it took effect (yyyy-mm-dd). */
  updated: string;
  /** The page to open (absolute). */
  link: string;
  /** A short plain-text summary. */
  summary: string;
  /** The same, as HTML with links (escaped into the document). */
  contentHtml: string;
}

/** A whole feed. */
export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own address (absolute). */
  self: string;
  /** The web page it follows (absolute). */
  alternate: string;
  /** When nothing is in it: the day it was asked (yyyy-mm-dd). */
  updatedWhenEmpty: string;
  entries: AtomEntry[];
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for an XML element or attribute; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 does not allow
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** A day as an Atom date: midnight UTC (the sources give days, not times). */
const atomDate = (day: string) => `${day}T00:00:00Z`;

function renderEntry(entry: AtomEntry): string {
  return [
    '  <entry>',
    `    <id>${escapeXml(entry.id)}</id>`,
    `    <title>${escapeXml(entry.title)}</title>`,
    `    <updated>${atomDate(entry.updated)}</updated>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
    `    <summary>${escapeXml(entry.summary)}</summary>`,
    `    <content type="html">${escapeXml(entry.contentHtml)}</content>`,
    '  </entry>',
  ].join('\n');
}

/** The XML of a feed; its `updated` is its latest entry's. */
export function renderAtomFeed(feed: AtomFeed): string {
  const updated = feed.entries.map((entry) => entry.updated).sort().pop() ?? feed.updatedWhenEmpty;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`,
    `  <updated>${atomDate(updated)}</updated>`,
    '  <author><name>cgct-graph</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    '  <generator>cgct-graph</generator>',
    ...feed.entries.map(renderEntry),
    '</feed>',
    '',
  ].join('\n');
}
