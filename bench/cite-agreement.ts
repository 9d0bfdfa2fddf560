/**
 * Compares the CGCT-to-CGCT references extractReferences finds in the lexlib corpus tip with the
 * official "Cite" lists of the same files (same consolidation date, since both come from one
 * file): share of the official targets found (recall against Cite), share of ours that Cite
 * lists (precision against Cite), and examples of each kind of difference.
 *
 *     npx tsx bench/cite-agreement.ts [SOURCE] [--examples N]
 *
 * SOURCE defaults to ../shared/corpus/cgct-lexlib-history.bundle (cloned into .cache/ once).
 */
import { parseFile } from '../ingest/parsing/parse-file.ts';
import { readSource, parseSourceSpec } from '../ingest/sources/read-source.ts';
import { extractReferences } from '../ingest/references/extract-references.ts';
import { resolveReferences } from '../ingest/references/resolve-references.ts';
import { THIS_CODE } from '../ingest/references/text-name.ts';
import type { Article } from '../ingest/types.ts';

const args = process.argv.slice(2);
const examplesAt = args.indexOf('--examples');
const exampleCount = examplesAt >= 0 ? Number(args[examplesAt + 1]) : 15;
const location = args.find((arg, i) => !arg.startsWith('--') && i !== examplesAt + 1) ?? '../shared/corpus/cgct-lexlib-history.bundle';

const source = await readSource(parseSourceSpec(location));
const all: Article[] = [];
for (const file of source.files) {
  const article = parseFile(file.path, file.bytes).article;
  if (article) all.push(article);
}
const articles = all.filter((article) => article.relatedLinks.some((link) => link.type === 'cites'));

let official = 0;
let found = 0;
let ours = 0;
let confirmed = 0;
const missed: string[] = [];
const extra: string[] = [];
const started = performance.now();
const references = articles.map((article) => ({ from: article.id, references: extractReferences(article.text) }));
const extractSeconds = (performance.now() - started) / 1000;
const resolved = resolveReferences({ articles: all, references });
// Cite lists a range "L. 2334-16 à L. 2334-18-3" sometimes by its ends, sometimes with the
// articles between: an official target counts as found when any range covers it, but only the
// ends we read count as ours.
const covered = new Map<string, Set<string>>();
const written = new Map<string, Set<string>>();
const addTo = (map: Map<string, Set<string>>, from: string, ids: string[]): void => {
  const set = map.get(from) ?? new Set<string>();
  for (const id of ids) set.add(id);
  map.set(from, set);
};
for (const reference of resolved) {
  if (reference.code !== THIS_CODE || !reference.target) continue;
  const ends = [reference.target, reference.rangeEnd ?? reference.target];
  addTo(written, reference.from, ends);
  addTo(covered, reference.from, [...ends, ...reference.targets]);
}
for (const article of articles) {
  const cited = new Set(article.relatedLinks.filter((link) => link.type === 'cites' && link.textId === THIS_CODE && link.article).map((link) => link.article!));
  const mine = written.get(article.id) ?? new Set<string>();
  const reach = covered.get(article.id) ?? new Set<string>();
  mine.delete(article.id);
  official += cited.size;
  ours += mine.size;
  for (const id of cited) if (reach.has(id)) found++; else missed.push(`${article.id} → ${id}`);
  for (const id of mine) if (cited.has(id)) confirmed++; else extra.push(`${article.id} → ${id}`);
}
const share = (a: number, b: number): string => (b === 0 ? 'n/a' : (a / b).toFixed(3));
console.log(`articles with a Cite list: ${articles.length} (commit ${source.commit ?? '?'})`);
console.log(`official CGCT targets: ${official}, found by the extractor: ${found} (${share(found, official)})`);
console.log(`extracted CGCT targets: ${ours}, listed in Cite: ${confirmed} (${share(confirmed, ours)})`);
console.log(`extraction alone: ${(articles.length / extractSeconds).toFixed(0)} articles/s`);
const sample = (list: string[]): string[] => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / exampleCount)) === 0).slice(0, exampleCount);
console.log(`\nmissed (in Cite, not extracted), ${missed.length}:\n  ${sample(missed).join('\n  ')}`);
console.log(`\nextra (extracted, not in Cite), ${extra.length}:\n  ${sample(extra).join('\n  ')}`);
