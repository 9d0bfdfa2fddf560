/**
 * The filters of the results page (issue 13): « En vigueur seulement » and the part of the code,
 * kept in the address so that a results page can be shared: `/recherche?q=budget&partie=L2`
 * (the Partie législative's Deuxième partie), `&vigueur=toutes` for every status.
 */
import { h } from './dom.ts';

/** What the results page filters on. */
export interface SearchFilterState {
  /** Only the articles in force today; the others are offered apart. */
  inForceOnly: boolean;
  /** '' for the whole code, 'L' / 'R' / 'A' for a part, 'L2' / 'R2' for one of its Parties. */
  part: string;
}

/** The arguments of GraphQL `search` a state asks for. */
export interface SearchFilterArguments {
  inForceOnly: boolean;
  part: 'LEGISLATIVE' | 'REGULATORY' | 'ANNEX' | null;
  partie: number | null;
}

const PARTS = { L: ['LEGISLATIVE', 'Partie législative'], R: ['REGULATORY', 'Partie réglementaire'], A: ['ANNEX', 'Annexes'] } as const;
// The CGCT's seven Parties, the same in its legislative and regulatory parts (L2… and R2… are « La commune »).
const PARTIES = [
  'Première partie : Dispositions générales',
  'Deuxième partie : La commune',
  'Troisième partie : Le département',
  'Quatrième partie : La région',
  'Cinquième partie : La coopération locale',
  'Sixième partie : Collectivités d’outre-mer régies par l’article 74 de la Constitution',
  'Septième partie : Autres collectivités régies par l’article 73 de la Constitution',
];
const PART_VALUE = /^([LRA])([1-7])?$/;

/** The filters an address asks for; anything unknown is the default (in force, the whole code). */
export function readSearchFilters(params: URLSearchParams): SearchFilterState {
  const part = params.get('partie') ?? '';
  const match = PART_VALUE.exec(part);
  return { inForceOnly: params.get('vigueur') !== 'toutes', part: match && !(match[1] === 'A' && match[2]) ? part : '' };
}

/** The address of a results page: the query, then only the filters that differ from the default. */
export function formatSearchAddress(query: string, state: SearchFilterState): string {
  const params = new URLSearchParams({ q: query });
  if (state.part) params.set('partie', state.part);
  if (!state.inForceOnly) params.set('vigueur', 'toutes');
  return `/recherche?${params.toString()}`;
}

/** GraphQL `search`'s filter arguments for a state. */
export function toSearchArguments(state: SearchFilterState): SearchFilterArguments {
  const match = PART_VALUE.exec(state.part);
  return {
    inForceOnly: state.inForceOnly,
    part: match ? PARTS[match[1] as keyof typeof PARTS][0] : null,
    partie: match?.[2] ? Number(match[2]) : null,
  };
}

/** The form above the results: a checkbox and a select, each change handed to `onChange`. */
export function renderSearchFilters(state: SearchFilterState, onChange: (state: SearchFilterState) => void): HTMLElement {
  const inForce = h('input', { type: 'checkbox', name: 'vigueur', checked: state.inForceOnly });
  const part = h('select', { name: 'partie' },
    h('option', { value: '' }, 'Tout le code'),
    (['L', 'R'] as const).flatMap((letter) => [
      h('option', { value: letter }, PARTS[letter][1]),
      ...PARTIES.map((title, i) => h('option', { value: `${letter}${i + 1}` }, `${PARTS[letter][1]} — ${title}`)),
    ]),
    h('option', { value: 'A' }, PARTS.A[1]));
  part.value = state.part;
  const changed = (): void => onChange({ inForceOnly: inForce.checked, part: part.value });
  inForce.addEventListener('change', changed);
  part.addEventListener('change', changed);
  const form = h('form', { class: 'search-filters', 'aria-label': 'Filtres de la recherche' },
    h('label', {}, inForce, ' En vigueur seulement'),
    h('label', {}, 'Partie du code ', part));
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}
