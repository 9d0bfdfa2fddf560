/**
 * The impact list as a CSV a French Excel opens as it is: a byte-order mark so that it reads
 * UTF-8 (accents), ";" between fields as the French locale expects, French headers, CRLF lines.
 * Pure: the panel turns the text into a download.
 */
import type { Dependant } from './impact-api.ts';

const HEADERS = ['Distance', 'Article', 'Code', 'Section', 'Cite (étape précédente)', 'Citation', 'Trouvée dans'];
const PROVENANCE_WORDS: Record<string, string> = { TEXT: 'texte', LINK: 'lien', METADATA: 'métadonnées' };

// A field with the separator, a quote or a line break is quoted, its quotes doubled (RFC 4180).
function field(value: string | number): string {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a list of dependants, with its byte-order mark. */
export function toImpactCsv(dependants: readonly Dependant[]): string {
  const rows = dependants.map((d) => [
    d.distance,
    d.article.number,
    d.code.title,
    d.section?.title ?? '',
    d.via.number,
    d.citation ?? '',
    d.provenance.map((p) => PROVENANCE_WORDS[p] ?? p).join(', '),
  ]);
  return `\uFEFF${[HEADERS, ...rows].map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}
