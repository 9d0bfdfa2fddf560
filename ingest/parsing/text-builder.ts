/**
 * Builds plain text the way a browser lays out HTML: runs of white space collapse to one space,
 * a block ends a paragraph ("\n\n"), one `<br/>` ends a line and two end a paragraph (Légifrance
 * writes "1° Dénomination de la commune ; <br/><br/> 2° …"). Spaces are held back until
 * something follows, so an anchor "L. 3131-1, L. 3131-2, " ends before its trailing space.
 *
 * A table keeps its grid: one line per row, its cells separated by a tab ("De 3 500 à 9 999\t55"
 * in L2123-23), since a space would run the rate into the population bracket. A tab cannot come
 * from the text itself (white space collapses), so it always means "next cell"; an empty cell
 * keeps its tab, so each figure stays in its column.
 */
const WHITE_SPACE = /[ \t\n\r\f]+/g;

export class TextBuilder {
  private text = '';
  private pendingSpace = false;
  private pendingBreak = 0;
  private pendingCells = 0;

  /** Current length of the text: the offset the next character will get, once pending space is written. */
  get length(): number {
    return this.text.length;
  }

  /** Offset where the next visible character will land (after any pending space or break). */
  get nextOffset(): number {
    // Counted, not built: a row of 200,000 empty cells would otherwise build its tabs at each cell.
    const started = this.text.length > 0;
    const lineBreak = started && this.pendingBreak > 0 ? Math.min(this.pendingBreak, 2) : 0;
    if (this.pendingCells > 0) return this.text.length + lineBreak + this.pendingCells;
    return this.text.length + (lineBreak || (started && this.pendingSpace ? 1 : 0));
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
    this.pendingCells = 0;
  }

  /** Starts a table row: a new line, but never a paragraph break for a row left empty. */
  appendRowBreak(): void {
    if (this.text.length === 0) return;
    this.pendingBreak = Math.max(this.pendingBreak, 1);
    this.pendingSpace = false;
    this.pendingCells = 0;
  }

  /** Moves to the next cell of the row: a tab, written even when the cell turns out empty. */
  appendCellBreak(): void {
    this.pendingCells++;
    this.pendingSpace = false;
  }

  /** The text built. */
  toString(): string {
    return this.text;
  }

  /** What goes before the next word: a line or paragraph break, then the tabs of skipped cells, or a space. */
  private separator(): string {
    const started = this.text.length > 0;
    const lineBreak = started && this.pendingBreak > 0 ? (this.pendingBreak >= 2 ? '\n\n' : '\n') : '';
    if (this.pendingCells > 0) return lineBreak + '\t'.repeat(this.pendingCells);
    if (lineBreak) return lineBreak;
    return started && this.pendingSpace ? ' ' : '';
  }

  private write(words: string): void {
    this.text += this.separator() + words;
    this.pendingBreak = 0;
    this.pendingSpace = false;
    this.pendingCells = 0;
  }
}
