/**
 * Every file of every corpus at its tip parses without a crash, each in the format the corpus
 * is written in. The bundles are read from ../shared/corpus and cloned once into .cache/corpus.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectSectionTitles } from '../../ingest/parsing/collect-section-titles.ts';
import { parseFile } from '../../ingest/parsing/parse-file.ts';
import { readSource } from '../../ingest/sources/read-source.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const CACHE = fileURLToPath(new URL('../../.cache/corpus/', import.meta.url));

// Files at the tip, from ../shared/README.md: 6,835 articles; 8,177 and 6,589 files; 5,362 + 5,375 articles.
describe.each([
  ['cgct-legifrance-md-history.bundle', 'legifrance-md', 6835],
  ['cgct-lexlib-history.bundle', 'liens-relatifs-md', 8177],
  ['cgct-lexxxit-history.bundle', 'liens-relatifs-md', 6589],
  ['cgct-etalab-history.bundle', 'etalab-md', 5362 + 5375],
])('%s at its tip', (bundle, format, articles) => {
  it(`parses every article file as ${format}, each to an article`, async () => {
    const source = await readSource({ location: `${CORPUS}${bundle}` }, { cacheDir: CACHE });
    const readmes = source.files.filter((file) => file.path.endsWith('README.md'));
    const sectionTitles = collectSectionTitles(readmes.map((file) => ({ path: file.path, text: file.bytes.toString('utf8') })));
    const formats: Record<string, number> = {};
    const failures: string[] = [];
    for (const file of source.files) {
      if (file.path.endsWith('README.md') || !file.path.endsWith('.md')) continue;
      const parsed = parseFile(file.path, file.bytes, { sectionTitles });
      formats[parsed.format ?? 'rejected'] = (formats[parsed.format ?? 'rejected'] ?? 0) + 1;
      if (!parsed.article || parsed.messages.some((message) => message.severity === 'error')) failures.push(file.path);
    }
    expect(formats).toEqual({ [format]: articles });
    expect(failures).toEqual([]);
  });
});
