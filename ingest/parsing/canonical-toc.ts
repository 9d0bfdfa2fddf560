/**
 * One table of contents whatever the source: each source names the same section differently
 * (legifrance-md by slugged folders "livre-ier-organisation-de-la-commune", etalab by README
 * titles "LIVRE IER : ORGANISATION DE LA COMMUNE", lexlib not at all), so sections get canonical ids
 * from what never varies: the part and the digits of the article number, which encode
 * Partie > Livre > Titre > Chapitre (L2131-1 → "L/2/1/3/1"), then the numbered levels below
 * ("Section 1", "Sous-section 2 bis") as slugs ("L/2/1/3/1/section-1/sous-section-2-bis").
 */
import { partOfArticle, tocPositionOf } from '../article-id.ts';
import type { TocLevel } from '../types.ts';

/** A section of the canonical table of contents, on an article's path. */
export interface CanonicalSection {
  /** Canonical id ("L", "L/2", "L/2/1/3/1/section-1"). */
  id: string;
  /** "code-part", "partie", "livre", "titre", "chapitre", "section", "sous-section", "paragraphe", "annexe". */
  kind: string;
  /** Title to show. */
  title: string;
  /** How good the title is: 3 printed by the source (etalab's README.md), 2 rebuilt from a folder's slug, 1 inferred from numbers. */
  titleRank: number;
  /** 0 for the part of the code, then one more per level. */
  depth: number;
}

const PART_TITLES = { legislative: 'Partie législative', regulatory: 'Partie réglementaire', annex: 'Annexes' } as const;
const PART_LETTERS = { legislative: 'L', regulatory: 'R', annex: 'A' } as const;
const NUMBERED_LEVELS = ['partie', 'livre', 'titre', 'chapitre'] as const;
const PART_ROOT_TITLE = /^(partie\s+(l[ée]gislative|r[ée]glementaire)|annexes)$/i;

/** The canonical sections above an article, from the part of the code down to its own section. */
export function canonicalizeToc(articleId: string, toc: TocLevel[], titlesPrinted = false): CanonicalSection[] {
  const part = partOfArticle(articleId);
  const root: CanonicalSection = { id: PART_LETTERS[part], kind: 'code-part', title: PART_TITLES[part], titleRank: 3, depth: 0 };
  const position = tocPositionOf(articleId);
  const sections = [root];
  let parent = root;
  for (const level of toc) {
    if (PART_ROOT_TITLE.test(level.title.trim()) || level.kind === 'code-part') continue;
    const id = `${parent.id}/${levelKey(level, position)}`;
    const section: CanonicalSection = { id, kind: level.kind, title: level.title, titleRank: level.inferred ? 1 : titlesPrinted ? 3 : 2, depth: parent.depth + 1 };
    sections.push(section);
    parent = section;
  }
  return sections;
}

/** The path segment of a level: the digit of the article number for the four numbered levels. */
function levelKey(level: TocLevel, position: ReturnType<typeof tocPositionOf>): string {
  const numbered = NUMBERED_LEVELS.find((kind) => kind === level.kind);
  if (numbered && position) return String(position[numbered]);
  return slugifyLevel(level);
}

/** "Section 2 bis : Dispositions diverses" → "section-2-bis"; a level without number → its whole title slugged. */
export function slugifyLevel(level: TocLevel): string {
  const numbered = /^\s*(sous-section|section|paragraphe|sous-paragraphe|chapitre|titre|livre|annexe)\s+([0-9]+|[ivxlc]+|unique|préliminaire|preliminaire|[a-z])\b(\s+(bis|ter|quater|quinquies|sexies|[a-z])\b)?/i.exec(level.title);
  const base = numbered ? `${numbered[1]} ${numbered[2]}${numbered[4] ? ` ${numbered[4]}` : ''}` : level.title;
  return base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
