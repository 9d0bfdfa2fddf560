/**
 * Table of contents from the folders above an article. cgct-legifrance-md names folders by
 * slugged titles ("deuxieme-partie-la-commune/livre-ier-organisation-de-la-commune/titre-iii-…/
 * chapitre-ier-…/section-1-…"), cgct-etalab by bare numbers ("quatrieme-partie/livre-ier/titre-iii")
 * with a README.md per folder giving the printed title ("# CHAPITRE V : Action extérieure…").
 * A slug lost its accents, so its words come after the number-derived label ("Livre Ier : organisation
 * de la commune") and a README title, when given, wins.
 */
import { codeById } from '../codes/code-registry.ts';
import type { TocLevel } from '../types.ts';

const CODE_ROOTS = new Set(['code-general-des-collectivites-territoriales', 'codes-en-vigueur', 'codes-non-en-vigueur']);
const ORDINALS: Record<string, string> = { premiere: 'Première', deuxieme: 'Deuxième', troisieme: 'Troisième', quatrieme: 'Quatrième', cinquieme: 'Cinquième', sixieme: 'Sixième', septieme: 'Septième', huitieme: 'Huitième' };
const CODE_PARTS: Record<string, string> = { 'partie-legislative': 'Partie législative', 'partie-reglementaire': 'Partie réglementaire', annexes: 'Annexes' };
const LEVEL_NAMES: Record<string, string> = { livre: 'Livre', titre: 'Titre', chapitre: 'Chapitre', section: 'Section', 'sous-section': 'Sous-section', paragraphe: 'Paragraphe', 'sous-paragraphe': 'Sous-paragraphe', annexe: 'Annexe' };
const NUMBER_WORDS: Record<string, string> = { unique: 'unique', preliminaire: 'préliminaire', ier: 'Ier', premier: 'Ier' };
const LEVEL_SLUG = /^(sous-paragraphe|sous-section|section|paragraphe|chapitre|titre|livre|annexe)-(ier|premier|unique|preliminaire|[ivxlc]+|\d+)(?:-(bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)(?=-|$))?(?:-(.+))?$/;
const PARTIE_SLUG = /^(premiere|deuxieme|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme)-partie(?:-(.+))?$/;

// Thousands of articles share each folder: read each slug once.
const slugCache = new Map<string, { kind: string; title: string }>();

/** One folder's level, from its slug alone. */
export function readTocSlug(slug: string): { kind: string; title: string } {
  let level = slugCache.get(slug);
  if (!level) {
    level = readUncachedSlug(slug);
    slugCache.set(slug, level);
  }
  return level;
}

function readUncachedSlug(slug: string): { kind: string; title: string } {
  if (CODE_PARTS[slug]) return { kind: 'code-part', title: CODE_PARTS[slug] };
  const partie = PARTIE_SLUG.exec(slug);
  if (partie) return { kind: 'partie', title: withWords(`${ORDINALS[partie[1]!]} partie`, partie[2]) };
  const level = LEVEL_SLUG.exec(slug);
  if (level) {
    const [, kind, number, latin, words] = level;
    const printed = NUMBER_WORDS[number!] ?? (/^\d+$/.test(number!) ? number! : number!.toUpperCase());
    return { kind: kind!, title: withWords(`${LEVEL_NAMES[kind!]} ${printed}${latin ? ` ${latin}` : ''}`, words) };
  }
  if (slug === 'autres-annexes') return { kind: 'annexe', title: 'Autres annexes' };
  return { kind: 'section', title: capitalize(slug.replace(/-/g, ' ')) };
}

/**
 * The levels above the file at `path`, from the code's root folder down (the root itself and the
 * status folders of etalab are left out). `titles` maps a folder path to its README title.
 */
export function readTocFromPath(path: string, titles?: ReadonlyMap<string, string>): TocLevel[] {
  const folders = path.split('/').slice(0, -1);
  const rootIndex = folders.findLastIndex((folder) => CODE_ROOTS.has(folder));
  if (rootIndex < 0) return [];
  const levels: TocLevel[] = [];
  for (let i = rootIndex + 1; i < folders.length; i++) {
    const folderPath = folders.slice(0, i + 1).join('/');
    const { kind, title } = readTocSlug(folders[i]!);
    const printed = titles?.get(folderPath);
    levels.push({ id: folders.slice(rootIndex + 1, i + 1).join('/'), kind, title: printed ?? title, inferred: false });
  }
  return levels;
}

/**
 * The levels above a file of another code (all-codes-tip: "code-de-lurbanisme/partie-legislative/
 * livre-iii-…/l300-5.md"), under that code's folder; section ids start with the code's id, so that
 * two codes' "partie-legislative" are two sections.
 */
export function readCodeTocFromPath(code: string, path: string): TocLevel[] {
  const folders = path.split('/').slice(0, -1);
  const rootIndex = folders.indexOf(codeByIdOrFolder(code));
  const levels: TocLevel[] = [];
  for (let i = rootIndex + 1; i < folders.length; i++) {
    const { kind, title } = readTocSlug(folders[i]!);
    levels.push({ id: `${code}/${folders.slice(rootIndex + 1, i + 1).join('/')}`, kind, title, inferred: false });
  }
  return levels;
}

function codeByIdOrFolder(code: string): string {
  return codeById(code)?.folder ?? code;
}

function withWords(label: string, words: string | undefined): string {
  return words ? `${label} : ${capitalize(words.replace(/-/g, ' '))}` : label;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
