/**
 * Issue 15: no file can break the ingest. Each pattern once quadratic (or exponential) is fed a
 * 10⁵–10⁶-character adversarial string; each recursive walk a tree 10,000 levels deep. The tests
 * assert the result; the per-test timeout (5 s) is the guard against a hang (the inputs here took
 * from 5.5 s to "never finished" before the fix).
 */
import { describe, expect, it } from 'vitest';
import { isArticleId, normalizeArticleId, tocPositionOf } from '../../../ingest/article-id.ts';
import { collectSectionTitles } from '../../../ingest/parsing/collect-section-titles.ts';
import { convertHtmlBody, convertMarkdownBody } from '../../../ingest/parsing/html-to-text.ts';
import { BUILT_IN_LIMITS, DEFAULT_LIMITS, LIMIT_VARIABLES, capMessages, findLongLine, readLimits } from '../../../ingest/parsing/limits.ts';
import { convertMarkdownToHtml } from '../../../ingest/parsing/markdown-to-html.ts';
import { parseFile, parseText } from '../../../ingest/parsing/parse-file.ts';
import { parseFreeText } from '../../../ingest/parsing/parse-free-text.ts';
import { parseHtmlFragment } from '../../../ingest/parsing/parse-html-fragment.ts';
import { parseRelatedLinks } from '../../../ingest/parsing/parse-related-links.ts';
import { readArticleHeading } from '../../../ingest/parsing/read-article-heading.ts';
import { inferTocFromNumber, toRoman } from '../../../ingest/parsing/toc-from-number.ts';
import { normalizeTextName } from '../../../ingest/references/text-name.ts';
import { detectFormat } from '../../../ingest/sources/detect-format.ts';
import type { IngestMessage } from '../../../ingest/types.ts';

const FAST = 5_000;
const errorsOf = (messages: IngestMessage[]) => messages.filter((message) => message.severity === 'error').map((message) => message.ruleId);

describe('patterns linear on hostile input', () => {
  it('detects "Liens relatifs" after 80,000 blank lines, and a 5 MB file of newlines is just empty', () => {
    const text = `# Article L1111-1\n${'\n'.repeat(80_000)}**Liens relatifs à cet article**\n`;
    expect(detectFormat('a.md', text)).toBe('liens-relatifs-md');
    expect(detectFormat('a.md', `# Article L1111-1\n${'\n'.repeat(80_000)}x`)).toBe('etalab-md');
    expect(errorsOf(parseText('a.md', '\n'.repeat(5_000_000)).messages)).toEqual(['empty-file']);
  }, FAST);

  it('reads the heading of a line of 200,000 spaces, and finds none in 200,000 spaces alone', () => {
    expect(readArticleHeading(`# Article ${' '.repeat(200_000)}L1111-1${' '.repeat(200_000)}#`)?.number).toBe('L1111-1');
    expect(readArticleHeading(`# Article ${' '.repeat(200_000)}x${' '.repeat(200_000)}y`)?.number).toMatch(/^x +y$/);
    expect(readArticleHeading(' '.repeat(200_000))).toBeUndefined();
    expect(readArticleHeading(`#${' '.repeat(200_000)}Article${' '.repeat(200_000)}`)?.number).toBe('');
  }, FAST);

  it('converts 50,000 "[" and 100,000 "[a](" without reading them as links', () => {
    expect(convertMarkdownToHtml('['.repeat(50_000))).toBe(`<p>${'['.repeat(50_000)}</p>`);
    expect(convertMarkdownToHtml('[a]('.repeat(100_000))).not.toContain('<a ');
    expect(convertMarkdownToHtml(`[a](${'b'.repeat(100_000)}`.repeat(3))).not.toContain('<a ');
    expect(convertMarkdownToHtml('voir [l’article L. 1111-1](l1111-1.md)')).toBe('<p>voir <a href="l1111-1.md">l’article L. 1111-1</a></p>');
  }, FAST);

  it('converts Markdown headings and lists padded with 200,000 spaces', () => {
    expect(convertMarkdownToHtml(`## a${' '.repeat(200_000)}b${' '.repeat(200_000)}##`)).toBe(`<h2>a${' '.repeat(200_000)}b</h2>`);
    expect(convertMarkdownBody(`- a${' '.repeat(200_000)}b`).text).toBe('a b');
    expect(convertMarkdownBody(`**a${' '.repeat(100_000)}`.repeat(3)).text.length).toBeGreaterThan(0);
  }, FAST);

  it('reads "Liens relatifs" lines of 200,000 spaces', () => {
    const spaces = ' '.repeat(200_000);
    const { links } = parseRelatedLinks('a.md', ['_Cite_:', `  - Code${spaces}x${spaces}(V)`, `  - a${spaces}art.${spaces}`, `  - Loi${spaces}jorf${spaces}`, `  - b${spaces}- art. L1111-1${spaces}`], 1);
    expect(links).toHaveLength(4);
    expect(links[0]).toMatchObject({ textTitle: `Code${spaces}x`, status: 'V' });
    expect(links[3]).toMatchObject({ textTitle: 'b', article: 'L1111-1' });
  }, FAST);

  it('warns about a "Liens relatifs" block of 500,000 lines not understood, or of unknown statuses, in 21 messages', () => {
    const { messages } = parseRelatedLinks('a.md', Array.from({ length: 500_000 }, () => 'x'), 10);
    expect(messages).toHaveLength(21);
    expect(messages.at(-1)).toMatchObject({ line: 10, ruleId: 'too-many-messages', reason: '499980 more warnings on the "Liens relatifs" block not shown' });
    expect(parseRelatedLinks('a.md', ['_Cite_:', ...Array.from({ length: 100_000 }, () => '- Code (Q)')], 1).messages).toHaveLength(21);
  }, FAST);

  it('reads a Nota marker and a free-text title padded with 200,000 spaces', () => {
    const text = `# Article L1111-1\n\nCorps.\n\n**Nota${' '.repeat(150_000)}x\n\n**Liens relatifs à cet article**\n`;
    expect(parseText('a.md', text).article?.text).toContain('Corps.');
    expect(parseFreeText('guide.txt', `# Guide${' '.repeat(200_000)}x${' '.repeat(200_000)}\ntexte`).document?.title).toMatch(/^Guide +x$/);
  }, FAST);

  it('tokenizes tags built to backtrack: 30,000 quoted attributes, "<a b" 100,000 times, 50,000 <script>', () => {
    expect(parseHtmlFragment(`<p${' b="c"'.repeat(30_000)} "`).cutTagOffset).toBe(0);
    expect(parseHtmlFragment(`<p${' b="c"'.repeat(30_000)} "<br>`).tree.children.length).toBeGreaterThan(0);
    expect(parseHtmlFragment(`${'<a b'.repeat(100_000)}>`).tree.children.length).toBeGreaterThan(0);
    expect(parseHtmlFragment('<script>'.repeat(50_000)).tree.children).toHaveLength(1);
    expect(convertHtmlBody(`<p>${'&amp'.repeat(100_000)}</p>`).text).toHaveLength(400_000);
  }, FAST);

  it('classifies a link whose title attribute holds 150,000 newlines', () => {
    const title = `Code général des collectivités territoriales - art. L2131-1${'\n'.repeat(150_000)}x (V)`;
    const parsed = parseText('l1111-1.md', `# Article L1111-1\n\n<p>Voir l'<a href='/affichCode.do?cidTexte=LEGITEXT000006070633' title='${title}'>article L. 2131-1</a>.</p>`);
    expect(parsed.article?.links).toEqual([expect.objectContaining({ text: 'article L. 2131-1' })]);
  }, FAST);

  it('normalizes a text name of 80,000 commas, and an article id of "L" and 100,000 spaces', () => {
    expect(normalizeTextName(`Loi ${','.repeat(80_000)}x,,,`)).toBe(`loi ${','.repeat(80_000)}x`);
    expect(normalizeArticleId(`L${' '.repeat(100_000)}x`)).toBeUndefined();
    expect(normalizeArticleId(`L${' '.repeat(100)}. 1111-1`)).toBe('L1111-1');
  }, FAST);

  it('collects a README title padded with 200,000 spaces, and leaves out one too long to store', () => {
    const titles = collectSectionTitles([
      { path: 'a/README.md', text: `#${' '.repeat(200_000)}CHAPITRE V${' '.repeat(200_000)}\n` },
      { path: 'c/README.md', text: `# CHAPITRE V${' '.repeat(200_000)}x\n` },
      { path: 'b/README.md', text: `# ${'T'.repeat(5_000)}\n` },
    ]);
    expect(titles.get('a')).toBe('CHAPITRE V');
    expect(titles.has('c')).toBe(false);
    expect(titles.has('b')).toBe(false);
  }, FAST);

  it('finds a long line in one pass', () => {
    expect(findLongLine(`a\n${'x'.repeat(11)}\nb`, 10)).toEqual({ line: 2, length: 11 });
    expect(findLongLine('a\nb\n', 10)).toBeUndefined();
  });
});

describe('nesting', () => {
  it('keeps a tree 10,000 levels deep flat past maxNestingDepth, and says where', () => {
    const { tree, tooDeepOffset } = parseHtmlFragment(`<p>${'<b>'.repeat(10_000)}x`);
    let depth = 0;
    for (let node: { children?: unknown[] } = tree; node.children && node.children.length > 0; node = node.children[0] as { children?: unknown[] }) depth++;
    expect(depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxNestingDepth + 1);
    expect(tooDeepOffset).toBe(3 + 3 * DEFAULT_LIMITS.maxNestingDepth - 3);
  }, FAST);

  it('applies a nesting limit given in the options (and names it), then the default again', () => {
    const nested = `# Article L1111-1\n\n<p>${'<b>'.repeat(20)}x${'</b>'.repeat(20)}</p>`;
    expect(parseText('l1111-1.md', nested).article).toBeDefined();
    const strict = parseText('l1111-1.md', nested, { limits: { maxNestingDepth: 10 } });
    expect(strict.article).toBeUndefined();
    expect(strict.messages).toContainEqual(expect.objectContaining({ ruleId: 'nesting-too-deep', reason: 'HTML elements nested more than 10 levels deep (limit maxNestingDepth)' }));
    expect(parseText('l1111-1.md', nested).article).toBeDefined();
  }, FAST);

  it('rejects an article nested 10,000 deep, or one 1 MB line of <b>, with a message, not a RangeError', () => {
    const deep = parseText('l1111-1.md', `# Article L1111-1\n\n<p>${'<b>'.repeat(10_000)}x${'</b>'.repeat(10_000)}</p>`);
    expect(deep.article).toBeUndefined();
    expect(deep.messages).toContainEqual(expect.objectContaining({ file: 'l1111-1.md', line: 3, ruleId: 'nesting-too-deep', severity: 'error' }));
    const line = `# Article L1111-1\n\n${'<b>'.repeat(350_000)}`;
    expect(errorsOf(parseText('l1111-1.md', line).messages)).toEqual(['line-too-long']);
    // Even with the line limit lifted, the depth cap holds.
    expect(errorsOf(parseText('l1111-1.md', line, { limits: { maxLineLength: 2_000_000 } }).messages)).toEqual(['nesting-too-deep']);
  }, FAST);

  it('rejects a deep Markdown body and a deep HTML page', () => {
    expect(errorsOf(parseText('codes-en-vigueur/a.md', `# Article L1111-1\n\nTexte ${'<i>'.repeat(20_000)}`).messages)).toEqual(['nesting-too-deep']);
    expect(errorsOf(parseText('a.html', `<title>Article L1111-1</title>${'<div>'.repeat(20_000)}`).messages)).toEqual(['nesting-too-deep']);
    expect(errorsOf(parseText('Article L1111-1 - 1.md', `# Article L1111-1\n\n${'<span>'.repeat(20_000)}\n`).messages)).toEqual(['nesting-too-deep']);
  }, FAST);

  it('keeps a real body shallow enough to pass (the corpora nest 7 levels at most)', () => {
    const parsed = parseText('l1111-1.md', `# Article L1111-1\n\n${'<div>'.repeat(50)}Voir l'article L. 2131-1.${'</div>'.repeat(50)}`);
    expect(errorsOf(parsed.messages)).toEqual([]);
    expect(parsed.article?.text).toBe("Voir l'article L. 2131-1.");
  });
});

describe('article numbers', () => {
  it('never loops on L99999999999999999999-1: toRoman and the table of contents stay bounded', () => {
    expect(toRoman(1e20)).toBe('100000000000000000000');
    expect(toRoman(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(toRoman(99)).toBe('XCIX');
    expect(tocPositionOf('L99999999999999999999-1')).toBeUndefined();
    expect(inferTocFromNumber('L99999999999999999999-1')).toHaveLength(1);
    const parsed = parseText('a.md', '# Article L99999999999999999999-1\n\n<p>x</p>');
    expect(parsed.article).toBeUndefined();
    expect(parsed.messages).toEqual([expect.objectContaining({ file: 'a.md', line: 1, ruleId: 'invalid-article-id', severity: 'error' })]);
  }, FAST);

  // One row per number a heading may print: what the corpora name, and what they never do.
  it.each([
    ['L1115-1', 'L1115-1'], // legislative
    ['LO 1112-1', 'LO1112-1'], // organic law
    ['R.* 2334-3', 'R*2334-3'], // decree in Conseil d'État
    ['D* 1617-1', 'D*1617-1'],
    ['R2333-120-21 bis', 'R2333-120-21 bis'], // Latin suffix
    ['L. 5210-1-1 A', 'L5210-1-1 A'], // inserted article
    ['Annexe X-I', 'Annexe X-I'],
    ['Rubrique 4', 'Rubrique 4'], // lexlib's annex pieces
    ['Sommaire', 'Sommaire'],
    ['4425-34', '4425-34'], // one regulatory number printed without its prefix
  ])('accepts "# Article %s" as %s', (number, id) => {
    const parsed = parseText('a.md', `# Article ${number}\n\n<p>x</p>`);
    expect(errorsOf(parsed.messages)).toEqual([]);
    expect(parsed.article?.id).toBe(id);
  });

  const hostile: Array<[string, string?]> = [["' OR 1=1 --"], ['../../etc/passwd'], ['<script>alert(1)</script>'], ['L'], ['💩'], ['R*'], ['LO'], ['L1-1 × 5,000', 'L1-1'.repeat(5_000)], ['L 1111-1 OR 1=1'], ['Annexe ../../x'], ['L1234567-1'], ['1']];
  it.each(hostile)(
    'rejects "# Article %s" with a message, never an article',
    (label, raw) => {
      const number = raw ?? label;
      const parsed = parseText('a.md', `# Article ${number}\n\n<p>x</p>`);
      expect(parsed.article).toBeUndefined();
      expect(errorsOf(parsed.messages)).toEqual([expect.stringMatching(/^(invalid-article-id|no-article-heading)$/)]);
    },
  );

  it.each(hostile)('reads no article from an HTML page titled "Article %s" (a number followed by words keeps the number)', (label, raw) => {
    const number = raw ?? label;
    const parsed = parseText('a.html', `<html><head><title>Article ${number} | Code</title></head><body><h1>Article ${number}</h1><article><p>x</p></article></body></html>`);
    expect(parsed.article?.id ?? null).toBe(number === 'L 1111-1 OR 1=1' ? 'L1111-1' : null);
  });

  it('rejects the empty number and a number of spaces', () => {
    for (const heading of ['# Article ', '# Article      ##']) {
      const parsed = parseText('l1111-1.md', `${heading}\n\n<p>x</p>`);
      expect(parsed.article).toBeUndefined();
      expect(errorsOf(parsed.messages)).toHaveLength(1);
    }
  });

  it('normalizes only numbers of the code: isArticleId is false for garbage', () => {
    expect(['L', '💩', '../../etc/passwd', 'L99999999999999999999-1', ''].map(isArticleId)).toEqual([false, false, false, false, false]);
    expect(normalizeArticleId('L. 2131-1')).toBe('L2131-1');
  });
});

describe('limits', () => {
  it('reads each limit from its environment variable, and refuses a value that is not a positive integer', () => {
    expect(readLimits({ CGCT_INGEST_MAX_FILE_BYTES: '4096', CGCT_INGEST_MAX_NESTING_DEPTH: '' })).toEqual({ ...BUILT_IN_LIMITS, maxFileBytes: 4096 });
    expect(() => readLimits({ CGCT_INGEST_MAX_LINE_LENGTH: '-1' })).toThrow('CGCT_INGEST_MAX_LINE_LENGTH=-1: a positive integer is expected');
    expect(Object.keys(LIMIT_VARIABLES).sort()).toEqual(Object.keys(BUILT_IN_LIMITS).sort());
  });

  it('rejects a file larger than maxFileBytes before decoding it', () => {
    const parsed = parseFile('a.md', Buffer.alloc(DEFAULT_LIMITS.maxFileBytes + 1, 0x61));
    expect(parsed.messages).toEqual([expect.objectContaining({ ruleId: 'file-too-large', line: 1, severity: 'error' })]);
  });

  it('rejects a 100,000-character "Liens relatifs" entry on its line: it would become a :LegalText id Neo4j cannot index', () => {
    const text = `# Article L1111-1\n\nCorps.\n\n**Liens relatifs à cet article**\n\n_Modifié par_:\n\n  - Loi n°${'9'.repeat(100_000)} - art. 1 (V)\n`;
    const parsed = parseText('Article L1111-1 - 1.md', text);
    expect(parsed.article).toBeUndefined();
    expect(parsed.messages).toContainEqual(expect.objectContaining({ line: 9, ruleId: 'value-too-long', severity: 'error' }));
  });

  it('rejects a free-text document whose title is 100,000 characters long', () => {
    expect(errorsOf(parseText('guide.txt', `# ${'Titre '.repeat(20_000)}\n\ntexte`).messages)).toEqual(['value-too-long']);
    expect(parseText('guide.txt', '# Guide\n\ntexte').document?.title).toBe('Guide');
  });

  it('rejects a 100,000-character href', () => {
    const parsed = parseText('l1111-1.md', `# Article L1111-1\n\n<p><a href="/x${'y'.repeat(100_000)}">L. 1111-2</a></p>`);
    expect(errorsOf(parsed.messages)).toEqual(['value-too-long']);
  });

  it('keeps at most maxMessagesPerFile messages, the error that rejects the file among them', () => {
    const warnings: IngestMessage[] = Array.from({ length: 1_000 }, () => ({ file: 'a', line: 1, ruleId: 'w', reason: 'r', severity: 'warning' }));
    const capped = capMessages([...warnings, { file: 'a', line: 2, ruleId: 'e', reason: 'r', severity: 'error' }], 50);
    expect(capped).toHaveLength(51);
    expect(errorsOf(capped)).toEqual(['e']);
    expect(capped.at(-1)).toMatchObject({ ruleId: 'too-many-messages', reason: '951 more messages not shown' });
  });

  it('reports 300,000 unclosed tags in at most maxMessagesPerFile messages', () => {
    const parsed = parseText('l1111-1.md', `# Article L1111-1\n\n${'<b>x</b><i>\n'.repeat(90)}`);
    expect(parsed.messages.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxMessagesPerFile + 1);
  });
});
