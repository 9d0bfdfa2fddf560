/**
 * Builds plain text the way a browser lays out HTML: runs of white space collapse to one space,
 * a block ends a paragraph ("\n\n"), one `<br/>` ends a line and two end a paragraph (Légifrance
 * writes "1° Dénomination de la commune ; <br/><br/> 2° …"). Spaces are held back until
 * something follows, so an anchor "L. 3131-1, L. 3131-2, " ends before its trailing space.
 */
const WHITE_SPACE = /[ \t\n\r\f]+/g;

export class TextBuilder {
  private text = '';
  private pendingSpace = false;
  private pendingBreak = 0;

  /** Current length of the text: the offset the next character will get, once pending space is written. */
  get length(): number {
    return this.text.length;
  }

  /** Offset where the next visible character will land (after any pending space or break). */
  get nextOffset(): number {
    if (this.text.length === 0) return 0;
    if (this.pendingBreak > 0) return this.text.length + Math.min(this.pendingBreak, 2);
    return this.text.length + (this.pendingSpace ? 1 : 0);
  }

  /** Appends text, collapsing its white space. */
  appendText(value: string): void {
    if (value.length === 0) return;
    const collapsed = value.replace(WHITE_SPACE, ' ');
    const leading = collapsed.charCodeAt(0) === 32;
    const trailing = collapsed.length > 1 && collapsed.charCodeAt(collapsed.length - 1) === 32;
    const words = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    if (leading) this.pendingSpace = true;
    // Inner spaces are already single: the words go in as one piece.
    if (words.length > 0) this.write(words);
    if (trailing) this.pendingSpace = true;
  }

  /** Ends a line (`<br/>`), or a paragraph when `count` is 2 or two lines end in a row. */
  appendBreak(count: 1 | 2): void {
    if (this.text.length === 0) return;
    this.pendingBreak = count === 2 ? 2 : this.pendingBreak + 1;
    this.pendingSpace = false;
  }

  /** The text built. */
  toString(): string {
    return this.text;
  }

  private write(words: string): void {
    if (this.text.length > 0) {
      if (this.pendingBreak > 0) this.text += this.pendingBreak >= 2 ? '\n\n' : '\n';
      else if (this.pendingSpace) this.text += ' ';
    }
    this.pendingBreak = 0;
    this.pendingSpace = false;
    this.text += words;
  }
}
