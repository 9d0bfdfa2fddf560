/**
 * The section titles cgct-etalab prints in each folder's README.md ("# CHAPITRE V : Action
 * extérieure des collectivités territoriales"), collected in a first pass over the files so that
 * parseEtalabMd stays pure: it receives the titles instead of reading the folders.
 */
import { DEFAULT_LIMITS } from './limits.ts';

/** Maps a folder path ("codes-en-vigueur/…/chapitre-v") to its printed title. */
export function collectSectionTitles(files: Iterable<{ path: string; text: string }>): Map<string, string> {
  const titles = new Map<string, string>();
  for (const file of files) {
    if (!/(^|\/)README\.md$/i.test(file.path)) continue;
    // The rest of the line, trimmed after (a lazy `(.+?)[ \t]*$` was quadratic on a run of spaces).
    const title = /^[ \t]*#[ \t]+([^\n]*)/m.exec(file.text)?.[1]?.trim();
    // A title too long to store is left out: the folder's title is then read from its name.
    if (!title || title.length > DEFAULT_LIMITS.maxValueLength) continue;
    const slash = file.path.lastIndexOf('/');
    titles.set(slash < 0 ? '' : file.path.slice(0, slash), title);
  }
  return titles;
}
