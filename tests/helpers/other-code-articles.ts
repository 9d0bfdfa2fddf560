/**
 * A few articles beside the sample graph (tests/helpers/sample-graph.ts) for the search tests:
 * two other codes' articles as the codes ingest writes them (key "<code>:<number>", their code,
 * their sort key), one sharing a CGCT number, and annex I's "Rubrique 2", whose id is no number.
 */
import type { Driver } from 'neo4j-driver';
import { codeSortKeyString } from '../../ingest/codes/code-article-order.ts';

const OTHER_CODE_ARTICLES = [
  { code: 'code-de-lurbanisme', number: 'L300-5', text: "Le traité de concession d'aménagement précise les obligations du concessionnaire." },
  { code: 'code-de-lurbanisme', number: 'L2131-1', text: "Un article d'un autre code portant le même numéro qu'un article du CGCT." },
  { code: 'code-civil', number: '1240', text: "Tout fait quelconque de l'homme, qui cause à autrui un dommage, oblige celui par la faute duquel il est arrivé à le réparer." },
];

/** Annex I's piece: its id is its printed heading. */
export const RUBRIQUE_2 = { id: 'Rubrique 2', number: 'Rubrique 2', text: 'Rubrique 2 – Dépenses de personnel des collectivités territoriales.' };

/** Adds the articles above to a graph holding the sample graph. */
export async function addSearchArticles(driver: Driver): Promise<void> {
  await driver.executeQuery(
    `UNWIND $rows AS row
     CREATE (:Article {id: row.code + ':' + row.number, number: row.number, code: row.code, sortKey: row.sortKey, status: 'in-force', part: 'legislative', text: row.text, searchText: row.text, snapshotDate: '2026-01-01'})`,
    { rows: OTHER_CODE_ARTICLES.map((row) => ({ ...row, sortKey: codeSortKeyString(row.code, row.number) })) },
  );
  await driver.executeQuery("CREATE (:Article {id: $id, number: $number, text: $text, searchText: $text, status: 'in-force', part: 'annex', sortKey: 'X|' + $id})", RUBRIQUE_2);
}
