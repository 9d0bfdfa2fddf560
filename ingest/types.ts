/**
 * The records the ingest pipeline passes from stage to stage (see ingest/README.md):
 * parse (file → ParsedFile) → extract (text → Reference[]) → resolve (all articles → edges)
 * → to-graph-records → write-graph. Every stage before write-graph is pure.
 */
import type { CodePart } from './article-id.ts';

/** The shape of a source file, which decides the parser. */
export type SourceFormat =
  /** `# Article L1115-1` then an HTML body with `<a href>` links (cgct-legifrance-md, seed 000). */
  | 'legifrance-md'
  /** Markdown with a "Liens relatifs à cet article" block (cgct-lexlib, cgct-lexxxit, seed 002). */
  | 'liens-relatifs-md'
  /** Plain Markdown article, sections named by README.md files (cgct-etalab). */
  | 'etalab-md'
  /** A standalone HTML page holding one article, as saved from a browser. */
  | 'html-page'
  /** A document that is not an article (a guide, a note): only the articles it mentions. */
  | 'free-text';

/** Where an article stands, as its source tells it. */
export type ArticleStatus = 'in-force' | 'repealed' | 'deferred' | 'unknown';

/** Légifrance's status marker at the end of a "Liens relatifs" entry. */
export type StatusMarker = 'V' | 'VD' | 'Ab' | 'T' | 'VT' | 'M' | 'MMN' | 'P';

/** One level of the table of contents above an article. */
export interface TocLevel {
  /** Stable id of the section: the path of slugs from the code's root ("partie-legislative/premiere-partie-…"). */
  id: string;
  /** Kind of level, lower-case French: "partie", "livre", "titre", "chapitre", "section", "sous-section", "paragraphe", "annexe". */
  kind: string;
  /** Title as printed ("Chapitre V : Action extérieure des collectivités territoriales"), or derived from the number when no source names it. */
  title: string;
  /** True when the title was inferred from the article number rather than read from the source. */
  inferred: boolean;
}

/** An `<a href>` in an article's HTML, located in the article's plain text. */
export interface HrefLink {
  /** The href as written. */
  href: string;
  /** The anchor's text as displayed. */
  text: string;
  /** Offset of the anchor's text in Article.text (UTF-16 code units, like String.slice). */
  start: number;
  /** End offset (exclusive) in Article.text. */
  end: number;
  /** The CGCT article the href points to, normalized, when it points to one ("l4131-1.md" → "L4131-1"). */
  targetArticle?: string;
  /** The other code the href points to, normalized like Reference.code, when it points to one. */
  targetCode?: string;
  /** A LEGIARTI / JORFTEXT id found in an old Légifrance URL ("affichCodeArticle.do?idArticle=LEGIARTI…"). */
  legiId?: string;
  /** The JORFTEXT / LEGITEXT id of the text (not the article) an old Légifrance URL points into: its `cidTexte` ("affichTexteArticle.do?cidTexte=JORFTEXT000000320434&idArticle=LEGIARTI…"); never the CGCT's own. */
  textLegifranceId?: string;
  /** The law, decree… (not a code) the link's title names, normalized like Reference.code ("Loi n°83-8 du 7 janvier 1983 (V)" → "loi n° 83-8 du 7 janvier 1983"). */
  targetText?: string;
}

/** The kind of a "Liens relatifs à cet article" heading. */
export type RelatedLinkType =
  | 'created-by' | 'modified-by' | 'repealed-by' | 'codified-by' | 'transferred-by'
  | 'cites' | 'cited-by' | 'former-texts' | 'new-texts' | 'other';

/** One entry of the "Liens relatifs à cet article" block. */
export interface RelatedLink {
  /** The heading's kind. */
  type: RelatedLinkType;
  /** The heading as printed ("Modifié par"), kept for unknown ones. */
  heading: string;
  /** The text named, as printed ("Loi n°2014-58 du 27 janvier 2014", "Code de l'environnement"). */
  textTitle: string;
  /** The text normalized like Reference.code ("CGCT", "code de l'environnement", "loi n° 2014-58 du 27 janvier 2014"). */
  textId: string;
  /** The article of that text, normalized when it is a code article ("L5711-1"), else as printed ("79", "6"). */
  article?: string;
  /** The status marker, when present. */
  status?: StatusMarker;
  /** 1-based line of the entry in the source file. */
  line: number;
}

/** A CGCT article as read from one file. */
export interface Article {
  /** Normalized id ("L1115-1", "LO1112-1", "R*4433-26", "Annexe A"); another code's article is "<code>:<number>" ("code-de-lurbanisme:L300-5"). */
  id: string;
  /** The number as printed in the source heading ("L1115-1", "L. 1115-1"). */
  number: string;
  /** The code's id (ingest/codes/code-registry.ts): "CGCT", or another code's folder ("code-de-lurbanisme"). */
  code: string;
  /** Legislative, regulatory or annex. */
  part: CodePart;
  /** Table of contents from the part down to the article's section; from the source where it tells, else from the number. */
  toc: TocLevel[];
  /** Plain text, paragraphs separated by a blank line ("\n\n"); the offsets of references and links point into it. */
  text: string;
  /** Sanitized HTML for display (no script, no event handler, no foreign URL scheme). */
  html: string;
  /** Status as the source tells it. */
  status: ArticleStatus;
  /** The LEGIARTI id when the source gives it (lexlib file names end with its digits). */
  legiarti?: string;
  /** The `<a href>` links of the body, located in `text`. */
  links: HrefLink[];
  /** The "Liens relatifs" entries, when the source has them. */
  relatedLinks: RelatedLink[];
  /** The "Nota" the source prints after the body (lexlib, lexxxit), as plain text; not part of `text`, so its references are not the article's. */
  note?: string;
  /** Path of the source file, relative to the root given to the parser. */
  sourceFile: string;
  /** The file's format. */
  sourceFormat: SourceFormat;
  /** sha256 (hex) of text + html + relatedLinks: changes exactly when what the graph stores changes. */
  contentHash: string;
}

/** A document that is not an article (seed 001): only its text, to find the articles it mentions. */
export interface FreeTextDocument {
  /** Stable id: "doc:" + the file's base name. */
  id: string;
  /** First heading, or the file name. */
  title: string;
  /** Plain text. */
  text: string;
  /** Path of the source file. */
  sourceFile: string;
  /** sha256 (hex) of the text. */
  contentHash: string;
}

/** How a reference was found. */
export type Provenance = 'text' | 'link' | 'text+link';

/** One reference an article (or document) makes, as extracted, before resolution. */
export interface Reference {
  /** Target article number, normalized ("L2131-1"); for another text, its article as written ("L211-7", "6"); absent when the reference names only a text. */
  target?: string;
  /** The text the target belongs to: "CGCT" for this code, else normalized ("code de l'environnement", "loi n° 2015-991 du 7 août 2015", "ordonnance n° 2005-649 du 6 juin 2005"). */
  code: string;
  /** A single article, or a range "L. 2131-1 à L. 2131-5" (target = first end, rangeEnd = last). */
  kind: 'single' | 'range';
  /** The range's last article, normalized, when kind is "range". */
  rangeEnd?: string;
  /** The part of the target cited ("I et III", "2° du II", "deuxième alinéa"), as written. */
  pinpoint?: string;
  /** Start offset of the designator in the text (UTF-16 code units). */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** Found in the text, in a link's href, or both. */
  via: Provenance;
  /** When a link's href names another article than its text (seed 000: text "L. 4141-1", href l4131-1.md): the href's article. The text's reading wins. */
  hrefDisagrees?: string;
  /** A LEGIARTI / JORFTEXT id from a link's old Légifrance URL, for the resolver to match (a link with no number in its text or href). */
  legiId?: string;
  /** The JORFTEXT / LEGITEXT id of the text `code` names, from the href of a link covering the reference (HrefLink.textLegifranceId): the LegalText's Légifrance page. */
  textLegifranceId?: string;
}

/** Why a reference resolves to no existing CGCT article. */
export type UnresolvedReason = 'not-in-code' | 'repealed' | 'never-existed' | 'text-only' | 'not-yet-in-force';

/** A reference after resolution against every article read. */
export interface ResolvedReference extends Reference {
  /** The article or document making the reference. */
  from: string;
  /** The CGCT articles it designates (one, or every article of an expanded range); empty when unresolved or external. */
  targets: string[];
  /** "resolved" (CGCT article found), "external" (another code or text), "unresolved". */
  resolution: 'resolved' | 'external' | 'unresolved';
  /** Why it did not resolve. */
  reason?: UnresolvedReason;
  /** Closest existing articles, for a reference that did not resolve ("L115-1" → ["L1115-1"]). */
  candidates?: string[];
}

/** A problem with an input, reported and skipped (the vfile message style of remark/rehype). */
export interface IngestMessage {
  /** The file concerned. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** A stable rule id ("empty-file", "no-article-heading", "invalid-utf8", "unknown-related-heading", "duplicate-article", …). */
  ruleId: string;
  /** What is wrong, in one sentence. */
  reason: string;
  /** "error" rejects the file; "warning" keeps it. */
  severity: 'error' | 'warning';
  /** A "did you mean" where one exists. */
  suggestion?: string;
}

/** What parsing one file gives: an article, a free-text document, or nothing, with messages. */
export interface ParsedFile {
  article?: Article;
  document?: FreeTextDocument;
  messages: IngestMessage[];
}
