/**
 * Builds plain text the way a browser lays out HTML: runs of white space collapse to one space,
 * a block ends a paragraph ("\n\n"), one `<br/>` ends a line and two end a paragraph (Légifrance
 * writes "1° Dénomination de la commune ; <br/><br/> 2° …"). Spaces are held back until
 * something follows, so an anchor "L. 3131-1, L. 3131-2, " ends before its trailing space.
 */
export class TextBuilder {
  private parts: string[] = [];
  private size = 0;
  private pendingSpace = false;
  private pendingBreak = 0;

  /** Current length of the text: the offset the next character will get, once pending space is written. */
  get length(): number {
    return this.size;
  }

  /** Offset where the next visible character will land (after any pending space or break). */
  get nextOffset(): number {
    if (this.size === 0) return 0;
    if (this.pendingBreak > 0) return this.size + Math.min(this.pendingBreak, 2);
    return this.size + (this.pendingSpace ? 1 : 0);
  }

  /** Appends text, collapsing its white space. */
  appendText(value: string): void {
    let previousEnd = 0;
    for (const match of value.matchAll(/[^ \t\n\r\f]+/g)) {
      if (match.index > previousEnd) this.pendingSpace = true;
      this.write(match[0]);
      previousEnd = match.index + match[0].length;
    }
    if (previousEnd < value.length) this.pendingSpace = true;
  }

  /** Ends a line (`<br/>`), or a paragraph when `count` is 2 or two lines end in a row. */
  appendBreak(count: 1 | 2): void {
    if (this.size === 0) return;
    this.pendingBreak = count === 2 ? 2 : this.pendingBreak + 1;
    this.pendingSpace = false;
  }

  /** The text built. */
  toString(): string {
    return this.parts.join('');
  }

  private write(word: string): void {
    let prefix = '';
    if (this.size > 0 && this.pendingBreak > 0) prefix = this.pendingBreak >= 2 ? '\n\n' : '\n';
    else if (this.size > 0 && this.pendingSpace) prefix = ' ';
    this.pendingBreak = 0;
    this.pendingSpace = false;
    this.parts.push(prefix, word);
    this.size += prefix.length + word.length;
  }
}
