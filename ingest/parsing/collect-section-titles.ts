/**
 * The section titles cgct-etalab prints in each folder's README.md ("# CHAPITRE V : Action
 * extérieure des collectivités territoriales"), collected in a first pass over the files so that
 * parseEtalabMd stays pure: it receives the titles instead of reading the folders.
 */

/** Maps a folder path ("codes-en-vigueur/…/chapitre-v") to its printed title. */
export function collectSectionTitles(files: Iterable<{ path: string; text: string }>): Map<string, string> {
  const titles = new Map<string, string>();
  for (const file of files) {
    if (!/(^|\/)README\.md$/i.test(file.path)) continue;
    const heading = /^[ \t]*#[ \t]+(.+?)[ \t]*$/m.exec(file.text);
    if (!heading) continue;
    const slash = file.path.lastIndexOf('/');
    titles.set(slash < 0 ? '' : file.path.slice(0, slash), heading[1]!);
  }
  return titles;
}
