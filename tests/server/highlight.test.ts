import { describe, expect, it } from 'vitest';
import { escapeHtml, highlight } from '../../server/highlight.ts';

describe('highlight', () => {
  it('marks the words sharing the stem of a query word, accents ignored', () => {
    const [fragment] = highlight('Les délibérations du conseil et la délibération du bureau.', ['deliberation']);
    expect(fragment).toBe('Les <mark>délibérations</mark> du conseil et la <mark>délibération</mark> du bureau.');
  });

  it('escapes everything else, so the result is safe to insert as HTML', () => {
    const [fragment] = highlight('Le <script>maire</script> & l\'adjoint', ['maire']);
    expect(fragment).toBe('Le &lt;script&gt;<mark>maire</mark>&lt;/script&gt; &amp; l&#39;adjoint');
  });

  it('cuts long texts into at most three fragments around the matches, on word boundaries', () => {
    const filler = 'mot '.repeat(60);
    const text = `${filler}commune ${filler}commune ${filler}commune ${filler}commune ${filler}`;
    const fragments = highlight(text, ['commune']);
    expect(fragments).toHaveLength(3);
    for (const fragment of fragments) {
      expect(fragment).toMatch(/^…mot .*<mark>commune<\/mark>.* mot…$/);
    }
  });

  it('gives nothing when no word matches', () => {
    expect(highlight('Le conseil municipal.', ['region'])).toEqual([]);
  });

  it('escapes quotes too', () => {
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;');
  });
});
