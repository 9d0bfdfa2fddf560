import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../ingest/parsing/parse-file.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('parseFile turns bad input into messages', () => {
  it('rejects an empty file', () => {
    expect(parseFile('vide.md', utf8('  \n\n'))).toEqual({ messages: [{ file: 'vide.md', line: 1, ruleId: 'empty-file', reason: 'the file is empty', severity: 'error' }] });
  });

  it('rejects an article file without its "# Article" heading', () => {
    const parsed = parseFile('partie/l2131-1.md', utf8('<p>Les actes pris par les autorités communales…</p>'));
    expect(parsed.article).toBeUndefined();
    expect(parsed.messages).toEqual([{ file: 'partie/l2131-1.md', line: 1, ruleId: 'no-article-heading', reason: expect.stringContaining('# Article'), severity: 'error' }]);
  });

  it('rejects invalid UTF-8 at the line of the first bad byte, with its offset', () => {
    // "collectivités" saved as Windows-1252: é is the single byte 0xE9.
    const bytes = Buffer.concat([utf8('# Article L1111-1\n\nLes '), Buffer.from([0x63, 0x6f, 0x6c, 0x6c, 0x65, 0x63, 0x74, 0x69, 0x76, 0x69, 0x74, 0xe9, 0x73]), utf8(' territoriales.\n')]);
    const parsed = parseFile('latin1.md', bytes);
    expect(parsed.article).toBeUndefined();
    expect(parsed.messages).toEqual([{ file: 'latin1.md', line: 3, ruleId: 'invalid-utf8', reason: 'invalid UTF-8 at byte offset 34', severity: 'error', suggestion: expect.any(String) }]);
  });

  it('rejects binary data', () => {
    // A PNG header: two line feeds (bytes 5 and 7) before the first NUL, so line 3.
    const parsed = parseFile('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(parsed.messages).toEqual([{ file: 'image.md', line: 3, ruleId: 'binary-file', reason: 'binary data: NUL byte at offset 8', severity: 'error' }]);
  });

  it('warns about truncated HTML and keeps the text before the cut', () => {
    const parsed = parseFile('l1115-1.md', utf8("# Article L1115-1\n\n<p>Un premier alinéa.</p>\n<p>Les conditions fixées aux <a href='/code-general-des-collectivites-territoriales/l2131-1.md'>articles L. 2131-1"));
    expect(parsed.article!.text).toBe('Un premier alinéa.\n\nLes conditions fixées aux articles L. 2131-1');
    expect(parsed.article!.links[0]!.targetArticle).toBe('L2131-1');
    expect(parsed.messages).toEqual([
      { file: 'l1115-1.md', line: 4, ruleId: 'truncated-html', reason: '<p> is never closed: the file may be truncated; kept what parses', severity: 'warning' },
      { file: 'l1115-1.md', line: 4, ruleId: 'truncated-html', reason: '<a> is never closed: the file may be truncated; kept what parses', severity: 'warning' },
    ]);
  });

  it('warns about a file cut inside a tag and drops the half tag', () => {
    const parsed = parseFile('l1115-1.md', utf8("# Article L1115-1\n\n<p>Un alinéa.</p><p>Aux <a href='/code-general-des-col"));
    expect(parsed.article!.text).toBe('Un alinéa.\n\nAux');
    expect(parsed.messages.map((message) => [message.ruleId, message.line])).toContainEqual(['truncated-html', 3]);
  });

  it('keeps an article whose "Liens relatifs" block has an unknown heading or status, with warnings', () => {
    const text = ['# Article L1111-7', '', 'Un alinéa.', '', '**Liens relatifs à cet article**', '', '_Modifie_:', '', '  - Loi n°2015-991 du 7 août 2015 - art. 1 (An)', ''].join('\n');
    const parsed = parseFile('Article L1111-7 - 6389029.md', utf8(text));
    expect(parsed.article!.relatedLinks).toEqual([{ type: 'other', heading: 'Modifie', textTitle: 'Loi n°2015-991 du 7 août 2015', textId: 'loi n° 2015-991 du 7 août 2015', article: '1', line: 9 }]);
    expect(parsed.messages.map((message) => [message.ruleId, message.line, message.severity])).toEqual([
      ['unknown-related-heading', 7, 'warning'],
      ['unknown-related-status', 9, 'warning'],
    ]);
  });

  it('drops a byte order mark', () => {
    expect(parseFile('l1.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('# Article L1111-1\n\n<p>x</p>')])).article!.id).toBe('L1111-1');
  });
});
