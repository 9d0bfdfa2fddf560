/**
 * The sentence the graph panel says about a path asked for, in French: the chain in citation
 * order (each article cites the next), an undirected link labelled as no dependency, or the
 * article that does not exist. Pure: no DOM.
 */
import type { CitationChain, PathOutcome } from './path-api.ts';

/**
 * "L4142-1 → L3132-1 → L2131-6": the chain's labels in its order, each arrow pointing the way
 * its citation goes ("←" when the next article cites the previous one).
 */
export function formatChain(chain: CitationChain): string {
  const labels = new Map(chain.nodes.map((node) => [node.id, node.label]));
  const ids = chain.nodes.map((node) => node.id);
  let text = labels.get(ids[0]!) ?? ids[0]!;
  for (let i = 1; i < ids.length; i++) {
    const cites = chain.edges.some((edge) => edge.source === ids[i - 1] && edge.target === ids[i]);
    text += ` ${cites ? '→' : '←'} ${labels.get(ids[i]!) ?? ids[i]!}`;
  }
  return text;
}

/** What to tell the reader about the path from `from` to `to`. */
export function describePath(outcome: PathOutcome, from: string, to: string): string {
  switch (outcome.kind) {
    case 'directed':
      return outcome.chain.length === 0
        ? `${from} est l’article affiché.`
        : `Chaîne de citations de ${from} vers ${to} (en rose ; chaque article cite le suivant) : ${formatChain(outcome.chain)}.`;
    case 'undirected':
      return `Aucune chaîne de citations de ${from} vers ${to} ; un lien non orienté existe : ${formatChain(outcome.chain)} (ce n’est pas une chaîne de dépendance).`;
    case 'missing':
      return `Article inexistant : ${outcome.ids.join(', ')}.`;
    case 'none':
      return `Aucun chemin de citations entre ${from} et ${to}, dans un sens ou dans l’autre.`;
  }
}
