import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { extractReferences, type ExtractReferencesOptions } from '../../../ingest/references/extract-references.ts';
import type { Reference } from '../../../ingest/types.ts';

type Expected = Pick<Reference, 'target' | 'code' | 'kind' | 'rangeEnd' | 'pinpoint'>;

/** A reference without its offsets and provenance, and without the fields it lacks. */
function summarize(reference: Reference): Expected {
  const { target, code, kind, rangeEnd, pinpoint } = reference;
  return Object.fromEntries(Object.entries({ target, code, kind, rangeEnd, pinpoint }).filter(([, v]) => v !== undefined)) as Expected;
}

const cgct = (target: string, extra: Partial<Expected> = {}): Expected => ({ target, code: 'CGCT', kind: 'single', ...extra });
const other = (code: string, target?: string, extra: Partial<Expected> = {}): Expected => ({ ...(target ? { target } : {}), code, kind: 'single', ...extra });

// One row per form of the grammar (DOMAIN.md), as eyecite tests its citation forms.
const ROWS: Array<[comment: string, text: string, expected: Expected[]]> = [
  // Designators: every spelling of a prefix and its dot.
  ['prefix with dot and space', "à l'article L. 2131-1.", [cgct('L2131-1')]],
  ['prefix with a space only', "à l'article L 2131-1.", [cgct('L2131-1')]],
  ['prefix with a dot only', "à l'article L.2131-1.", [cgct('L2131-1')]],
  ['prefix glued to the number', "à l'article L2131-1.", [cgct('L2131-1')]],
  ['organic law, "LO"', "à l'article LO 1112-1.", [cgct('LO1112-1')]],
  ['organic law, "L.O."', "à l'article L.O. 1112-1.", [cgct('LO1112-1')]],
  ['regulatory article', "à l'article R. 2334-3.", [cgct('R2334-3')]],
  ['starred regulatory article, "R.*"', "à l'article R.* 2334-3.", [cgct('R*2334-3')]],
  ['starred regulatory article, "R*." (regression: the dot after the star was not read)', 'les articles R*. 4433-24 et R. 4433-33', [cgct('R*4433-24'), cgct('R4433-33')]],
  ['simple decree article', "à l'article D. 1611-1.", [cgct('D1611-1')]],
  ['inserted article, "-1-1"', "à l'article L. 5111-1-1.", [cgct('L5111-1-1')]],
  ['inserted article, " bis"', "à l'article L. 2333-67 bis.", [cgct('L2333-67 bis')]],
  ['inserted article, " ter"', "à l'article L. 2123-18 ter.", [cgct('L2123-18 ter')]],
  ['inserted article, capital letter', "à l'article L. 5210-1-1 A du présent code", [cgct('L5210-1-1 A')]],
  ['inserted article, "-A" (regression: the dash before the letter was not read)', 'les articles R. 2131-1-A à R. 2131-7', [cgct('R2131-1 A', { kind: 'range', rangeEnd: 'R2131-7' })]],
  ['number with no "article" before it (a table cell)', 'L. 2213-2 et L. 2213-3', [cgct('L2213-2'), cgct('L2213-3')]],
  // Lists and ranges.
  ['list sharing the CGCT', 'aux articles L. 2131-1, L. 2131-2 et L. 3131-1', [cgct('L2131-1'), cgct('L2131-2'), cgct('L3131-1')]],
  ['list sharing another code', "aux articles L. 211-7 et L. 212-1 du code de l'environnement", [other("code de l'environnement", 'L211-7'), other("code de l'environnement", 'L212-1')]],
  ['list, each item with its own container', "aux articles L. 2131-1 du présent code et L. 211-7 du code de l'environnement", [cgct('L2131-1'), other("code de l'environnement", 'L211-7')]],
  ['range', 'articles L. 2131-1 à L. 2131-5', [cgct('L2131-1', { kind: 'range', rangeEnd: 'L2131-5' })]],
  ['range whose end inherits the prefix', 'articles L. 2334-1 à 2334-3', [cgct('L2334-1', { kind: 'range', rangeEnd: 'L2334-3' })]],
  ['range inside a list', 'aux articles L. 5711-1 à L. 5711-3 et L. 5721-1', [cgct('L5711-1', { kind: 'range', rangeEnd: 'L5711-3' }), cgct('L5721-1')]],
  // Containers.
  ['"du présent code"', "de l'article L. 5210-1-1 du présent code", [cgct('L5210-1-1')]],
  ['"du même code" after another code', "l'article L. 121-2 du code de l'action sociale et des familles et l'article L. 113-2 du même code", [other("code de l'action sociale et des familles", 'L121-2'), other("code de l'action sociale et des familles", 'L113-2')]],
  ['"du même code" after "du présent code" (regression: it was dropped)', "de l'article L. 1621-2 du présent code, prévues à l'article L. 2123-22 du même code.", [cgct('L1621-2'), cgct('L2123-22')]],
  ['"dudit code" (regression: "du" of "dudit" was read as a preposition)', "du code de l'action sociale et des familles ; des articles L. 113-2 et L. 121-1 dudit code", [other("code de l'action sociale et des familles"), other("code de l'action sociale et des familles", 'L113-2'), other("code de l'action sociale et des familles", 'L121-1')]],
  ['"du nouveau code forestier" (regression: "nouveau" hid the code)', 'aux articles L214-7 et L214-8 du nouveau code forestier', [other('code forestier', 'L214-7'), other('code forestier', 'L214-8')]],
  ['a code closing two citations joined by "et" covers both when the numbers are of one chapter', "au quatrième alinéa de l'article L. 3111-7 et à l'article L. 3111-8 du code des transports", [other('code des transports', 'L3111-7', { pinpoint: 'quatrième alinéa' }), other('code des transports', 'L3111-8')]],
  ['… but not a CGCT number of another chapter', "à l'article L. 5217-2 et à l'article L. 2124-4 du code général de la propriété des personnes publiques", [cgct('L5217-2'), other('code général de la propriété des personnes publiques', 'L2124-4')]],
  ['"du code électoral", undashed number', "à l'article L. 44 du code électoral", [other('code électoral', 'L44')]],
  ['undashed numbers belong to the code named before', 'les articles suivants du code électoral : 1° L\'article R. 40 relatif', [other('code électoral'), other('code électoral', 'R40')]],
  ['"du code général des impôts", numeric article with suffixes', "à l'article 1609 nonies C du code général des impôts", [other('code général des impôts', '1609 nonies C')]],
  ['a code whose name holds "et"', "à l'article L. 111-1 du code de la construction et de l'habitation", [other("code de la construction et de l'habitation", 'L111-1')]],
  ['"du CGCT" in a guide', "Selon l'article L.1115-1 du CGCT, les collectivités", [cgct('L1115-1')]],
  ['law by number and date', "de l'article 6 de la loi n° 2015-991 du 7 août 2015", [other('loi n° 2015-991 du 7 août 2015', '6')]],
  ['"article 1er" of a law', "l'article 1er de la loi n° 83-8 du 7 janvier 1983", [other('loi n° 83-8 du 7 janvier 1983', '1')]],
  ['list of a law\'s articles', 'les articles 3 et 4 de la loi n°2014-58 du 27 janvier 2014', [other('loi n° 2014-58 du 27 janvier 2014', '3'), other('loi n° 2014-58 du 27 janvier 2014', '4')]],
  ['ordinance', "de l'article 1er de l'ordonnance n° 2005-649 du 6 juin 2005", [other('ordonnance n° 2005-649 du 6 juin 2005', '1')]],
  ['decree', "l'article 2 du décret n° 2006-1316 du 26 octobre 2006", [other('décret n° 2006-1316 du 26 octobre 2006', '2')]],
  ['organic law', "de l'article 57 de la loi organique n° 2001-692 du 1er août 2001", [other('loi organique n° 2001-692 du 1er août 2001', '57')]],
  ['the Constitution', "l'article 72 de la Constitution", [other('constitution du 4 octobre 1958', '72')]],
  ['"précitée" names the law named earlier', "la loi n° 82-213 du 2 mars 1982 ; l'article 2 de la loi précitée", [other('loi n° 82-213 du 2 mars 1982'), other('loi n° 82-213 du 2 mars 1982', '2')]],
  ['"de la loi du … précitée" picks that law by its date', "la loi n° 82-213 du 2 mars 1982 ; l'article 2 de la loi du 2 mars 1982 précitée", [other('loi n° 82-213 du 2 mars 1982'), other('loi n° 82-213 du 2 mars 1982', '2')]],
  ['"ladite loi"', "la loi n° 82-213 du 2 mars 1982 ; l'article 3 de ladite loi", [other('loi n° 82-213 du 2 mars 1982'), other('loi n° 82-213 du 2 mars 1982', '3')]],
  ['"de la présente loi" names no text this article cites', "l'article 5 de la présente loi", []],
  ['a bare number with no container is left out', "l'article 6 est applicable", []],
  // Whole texts.
  ['a law\'s title stops before the next citation (regression: R2113-16 lost "L. 2113-12" inside "de réforme des collectivités territoriales …")', "à la loi n° 2010-1563 du 16 décembre 2010 de réforme des collectivités territoriales et dans les communes déléguées mentionnées à l'article L. 2113-12 issu de la même loi", [other('loi n° 2010-1563 du 16 décembre 2010'), cgct('L2113-12')]],
  ['whole ordinance, its title not read', "par l'ordonnance n° 2005-649 du 6 juin 2005 relative aux marchés passés par certaines personnes non soumises au code des marchés publics", [other('ordonnance n° 2005-649 du 6 juin 2005')]],
  ['whole code', 'les règles prévues par le code des marchés publics', [other('code des marchés publics')]],
  ['whole law by date only', 'la loi du 10 juillet 1965 fixant le statut', [other('loi du 10 juillet 1965')]],
  ['"la loi" alone is no name', 'dans les conditions prévues par la loi', []],
  ['"code postal" is not a code', 'le code postal de la commune', []],
  // Pinpoints.
  ['Roman paragraphs', "prévues aux I et III de l'article L. 5111-1-1", [cgct('L5111-1-1', { pinpoint: 'I et III' })]],
  ['item of a paragraph', "au 2° du II de l'article L. 2224-11-6", [cgct('L2224-11-6', { pinpoint: '2° du II' })]],
  ['worded paragraph', "au deuxième alinéa de l'article L. 1621-2", [cgct('L1621-2', { pinpoint: 'deuxième alinéa' })]],
  ['sentence of a paragraph', "à la première phrase du premier alinéa de l'article L. 2123-24", [cgct('L2123-24', { pinpoint: 'première phrase du premier alinéa' })]],
  ['list of items', "aux 1°, 2°, 5° et 8° du I de l'article L. 211-7 du code de l'environnement", [other("code de l'environnement", 'L211-7', { pinpoint: '1°, 2°, 5° et 8° du I' })]],
  ['items listed with ", et" (regression: the list was cut)', "aux 1°,2°, et 3° de l'article L. 5211-43", [cgct('L5211-43', { pinpoint: '1°,2°, et 3°' })]],
  ['counted paragraphs (regression: not read)', "des deux derniers alinéas de l'article D. 6232-1", [cgct('D6232-1', { pinpoint: 'deux derniers alinéas' })]],
  ['"antépénultième alinéa" (regression: not read)', "par l'antépénultième alinéa de l'article L. 3334-4", [cgct('L3334-4', { pinpoint: 'antépénultième alinéa' })]],
  ['lettered sub-paragraph after its paragraph, "II b" (regression: read as "b")', "en application du II b de l'article 82 de la loi n° 83-8 du 7 janvier 1983", [other('loi n° 83-8 du 7 janvier 1983', '82', { pinpoint: 'II b' })]],
  ['letter of an item', "au a du 1° de l'article L. 2333-64", [cgct('L2333-64', { pinpoint: 'a du 1°' })]],
  ['pinpoint covering a list', 'au I des articles L. 2131-1 et L. 2131-2', [cgct('L2131-1', { pinpoint: 'I' }), cgct('L2131-2', { pinpoint: 'I' })]],
  // Anaphora.
  ['"du même article" repeats the single article cited before', "à l'article L. 2334-4. Au II du même article", [cgct('L2334-4'), cgct('L2334-4', { pinpoint: 'II' })]],
  ['"ledit article"', "l'article L. 2123-18 ; ledit article", [cgct('L2123-18'), cgct('L2123-18')]],
  ['"dudit article" with a pinpoint', "l'article L. 2123-18 ; au 3° dudit article", [cgct('L2123-18'), cgct('L2123-18', { pinpoint: '3°' })]],
  ['"desdits articles" repeats the whole list', 'aux articles L. 1 et L. 2 ; desdits articles', [other('CGCT', 'L1'), other('CGCT', 'L2'), other('CGCT', 'L1'), other('CGCT', 'L2')]],
  ['"ledit article" after a list is ambiguous: left out', "aux articles L. 2131-1 et L. 2131-2 ; ledit article", [cgct('L2131-1'), cgct('L2131-2')]],
  ['"du même article" after "du présent article" is this article: left out', "l'article L. 2334-4. Le I du présent article ; au II du même article", [cgct('L2334-4')]],
  ['"l\'article précédent" depends on where the article stands: left out', "l'article précédent", []],
  // Not references.
  ['the article\'s own part', 'les conditions prévues au présent article et au II', []],
  ['divisions without an article number', 'les dispositions du chapitre III du titre II', []],
  ['heading of a quoted amending article', "est ainsi rédigé : « Art. L. 322-66. - Le maire … »", []],
  ['words quoted to be replaced', 'les mots : " aux articles L. 2131-1 et L. 3131-1 " sont remplacés', []],
  ['a quotation left unclosed ends with its paragraphs (regression: it swallowed the rest of L. 1615-1)', "pour :\n\n“ 1° L'entretien des bâtiments ;\n\n“ 2° L'entretien des réseaux.\n\nIII.- Les régimes définis à l'article L. 1615-6.", [cgct('L1615-6')]],
  ['a name between quotes is no amendment', "le label « auto-partage » prévu à l'article L. 2213-2", [cgct('L2213-2')]],
  ['a pinpoint item is not a number: "5°"', "à l'article L. 2334-2, 5° et 6°", [cgct('L2334-2')]],
  ['sentence-initial "A" is no suffix', "l'article L. 2131-1. A compter de", [cgct('L2131-1')]],
  ['a title in capitals: "ET" is no suffix (regression: read as "L2123-34 ET")', 'PRÉVUS AUX ARTICLES L. 2123-34 ET L. 2123-35', [cgct('L2123-34'), cgct('L2123-35')]],
  // Every code of the registry, by name or usual abbreviation.
  ['a registry title longer than a known name (regression: cut to "code des pensions")', "des articles L. 498 à L. 514 du code des pensions militaires d'invalidité et des victimes de la guerre", [other("code des pensions militaires d'invalidité et des victimes de la guerre", 'L498', { kind: 'range', rangeEnd: 'L514' })]],
  ['a registry title with commas and capitals', "l'article R. 1 du code de la Légion d'honneur, de la Médaille militaire et de l'ordre national du Mérite", [other("code de la légion d'honneur, de la médaille militaire et de l'ordre national du mérite", 'R1')]],
  ['a code name without its accents takes the registry\'s', "l'article L. 212-2 du code de l'Education", [other("code de l'éducation", 'L212-2')]],
  ['"CGI"', "l'article 1519 du CGI", [other('code général des impôts', '1519')]],
  ['"CSP"', 'L. 1411-1 du CSP', [other('code de la santé publique', 'L1411-1')]],
  ['"CCH", "CGPPP", "CRPA", "CSI"', "les articles L. 129-2 du CCH, L. 2124-1 du CGPPP, L. 411-1 du CRPA et L. 511-1 du CSI", [other("code de la construction et de l'habitation", 'L129-2'), other('code général de la propriété des personnes publiques', 'L2124-1'), other("code des relations entre le public et l'administration", 'L411-1'), other('code de la sécurité intérieure', 'L511-1')]],
  ['"C. civ."', "l'article 1240 du C. civ.", [other('code civil', '1240')]],
  ['an annex of the tax code is a code of its own', "au quatrième alinéa de l'article 312 de l'annexe 2 au code général des impôts", [other('code général des impôts, annexe ii', '312', { pinpoint: 'quatrième alinéa' })]],
  ['two capitals after a tax code number, "310 HA"', "l'article 310 HA de l'annexe II au code général des impôts", [other('code général des impôts, annexe ii', '310 HA')]],
  ['"A." of an arrêté, in another code', "l'article A. 462-4 du code de l'urbanisme", [other("code de l'urbanisme", 'A462-4')]],
  // Treaties and European texts.
  ['the EC treaty', "l'article 88 du traité instituant la Communauté européenne", [other('traité instituant la communauté européenne', '88')]],
  ['the TFEU, a list', "des articles 107 et 108 du traité sur le fonctionnement de l'Union européenne", [other("traité sur le fonctionnement de l'union européenne", '107'), other("traité sur le fonctionnement de l'union européenne", '108')]],
  ['"du même traité"', "l'article 258 du traité sur le fonctionnement de l'Union européenne ; l'article 260 du même traité", [other("traité sur le fonctionnement de l'union européenne", '258'), other("traité sur le fonctionnement de l'union européenne", '260')]],
  ['a paragraph of a treaty\'s article', "au paragraphe 1 de l'article 107 du traité sur le fonctionnement de l'Union européenne", [other("traité sur le fonctionnement de l'union européenne", '107', { pinpoint: 'paragraphe 1' })]],
  ['both treaties named together', "l'application des traités sur l'Union européenne et sur le fonctionnement de l'Union européenne", [other("traité sur l'union européenne"), other("traité sur le fonctionnement de l'union européenne")]],
  ['"le traité de concession" is a contract', 'le traité de concession', []],
  ['a bare "du traité" names no known text: left out', "des articles 107 et 108 du traité", []],
  ['an EU regulation, its article', "l'article 53 du règlement (UE) n° 651/2014 de la Commission du 17 juin 2014 précité", [other('règlement (ue) n° 651/2014 de la commission du 17 juin 2014', '53')]],
  ['an EU directive, its date after a comma', 'la directive 2008/98/CE du Parlement européen et du Conseil, du 19 novembre 2008, relative aux déchets', [other('directive 2008/98/ce du parlement européen et du conseil du 19 novembre 2008')]],
  ['"règlement intérieur" is no text', 'le règlement intérieur du conseil', []],
  // A law's article and its subdivision.
  ['"article 43 III de l\'ordonnance": the number, then its paragraph', "l'article 43 III de l'ordonnance n° 2014-1335 du 6 novembre 2014", [other('ordonnance n° 2014-1335 du 6 novembre 2014', '43', { pinpoint: 'III' })]],
  ['"article 3 I du décret" (regression: read as article "3 I")', "l'article 3 I du décret n° 2016-555 du 6 mai 2016", [other('décret n° 2016-555 du 6 mai 2016', '3', { pinpoint: 'I' })]],
  ['"article 60 I G de la loi"', "l'article 60 I G de la loi n° 2016-1917 du 29 décembre 2016", [other('loi n° 2016-1917 du 29 décembre 2016', '60', { pinpoint: 'I G' })]],
  ['"article 42 II et III de la loi"', "l'article 42 II et III de la loi n° 2014-58 du 27 janvier 2014", [other('loi n° 2014-58 du 27 janvier 2014', '42', { pinpoint: 'II et III' })]],
  ['a dashed law article number stays whole', "l'article 7-1 de la loi n° 84-53 du 26 janvier 1984", [other('loi n° 84-53 du 26 janvier 1984', '7-1')]],
  ['a directive\'s dotted subdivision', "l'article 3. 1. i de la directive 2005/36/CE du Parlement européen et du Conseil du 7 septembre 2005", [other('directive 2005/36/ce du parlement européen et du conseil du 7 septembre 2005', '3', { pinpoint: '1. i' })]],
  ['a capital-lettered part of a finance law\'s article', "au I du D de l'article 44 de la loi n° 98-1266 du 30 décembre 1998", [other('loi n° 98-1266 du 30 décembre 1998', '44', { pinpoint: 'I du D' })]],
  ['a finance law\'s number in brackets', "au I de l'article 34 de la loi de finances rectificative pour 1995 (n° 95-1347 du 30 décembre 1995)", [other('loi n° 95-1347 du 30 décembre 1995', '34', { pinpoint: 'I' })]],
  ['a law article range with Latin suffixes', 'aux articles 19 quinquies à 19 sexdecies A de la loi n° 47-1775 du 10 septembre 1947', [other('loi n° 47-1775 du 10 septembre 1947', '19 quinquies', { kind: 'range', rangeEnd: '19 sexdecies A' })]],
  ['a subdivision in brackets', "l'article 2 (IV) de la loi n° 2015-991, ces dispositions", [other('loi n° 2015-991', '2', { pinpoint: 'IV' })]],
  ['a paragraph after the number, between commas, is the last item\'s', 'les articles 18 et 19, paragraphe 2, de la directive 2007/2/CE du Parlement européen et du Conseil du 14 mars 2007', [other('directive 2007/2/ce du parlement européen et du conseil du 14 mars 2007', '18'), other('directive 2007/2/ce du parlement européen et du conseil du 14 mars 2007', '19', { pinpoint: 'paragraphe 2' })]],
  ['"modifié" between an article and its law', "la loi n° 86-912 du 6 août 1986 ; l'article 1er modifié de la même loi", [other('loi n° 86-912 du 6 août 1986'), other('loi n° 86-912 du 6 août 1986', '1')]],
  ['a doubled "de" (Légifrance\'s typo)', "l'article 7 de de la loi n° 2019-753 du 22 juillet 2019", [other('loi n° 2019-753 du 22 juillet 2019', '7')]],
  ['"de l\'ancien code du travail" is the code du travail', "les articles L. 323-1 à L. 325-5 de l'ancien code du travail", [other('code du travail', 'L323-1', { kind: 'range', rangeEnd: 'L325-5' })]],
  ['the livre des procédures fiscales closes two citations joined by "et"', "au III de l'article L. 13 AA et au second alinéa de l'article L. 13 AB du livre des procédures fiscales", [other('livre des procédures fiscales', 'L13 AA', { pinpoint: 'III' }), other('livre des procédures fiscales', 'L13 AB', { pinpoint: 'second alinéa' })]],
  ['a table\'s next cell is no container (regression: the decree of the redaction became the articles\' text)', 'R. 5211-2 à R. 5211-2-2\tdécret n° 2020-904 du 24 juillet 2020', [cgct('R5211-2', { kind: 'range', rangeEnd: 'R5211-2-2' }), other('décret n° 2020-904 du 24 juillet 2020')]],
  ['"code européen" is no code', 'le code européen unique du don', []],
  ['a registry code whose name looks implausible is still a code', "l'article 5 du code de déontologie des architectes", [other('code de déontologie des architectes', '5')]],
  // Notes (NOTA) and their older headings.
  ['a note\'s "Conformément à l\'article … de la loi"', "NOTA:\n\nConformément au III de l'article 2 de la loi n° 2021-1901 du 30 décembre 2021, ces dispositions entrent en vigueur", [other('loi n° 2021-1901 du 30 décembre 2021', '2', { pinpoint: 'III' })]],
  ['an old note\'s heading, ISO date: the article, not the whole law', "NOTA: Loi 99-586 1999-07-12 art. 111 : II.-Jusqu'à l'expiration", [other('loi n° 99-586 du 12 juillet 1999', '111')]],
  ['an old note\'s heading, no "n°", a paragraph', 'NOTA: Loi 2007-128 du 31 janvier 2007 art. 3 II : Le présent article entre en vigueur', [other('loi n° 2007-128 du 31 janvier 2007', '3', { pinpoint: 'II' })]],
  ['an old note\'s heading, "article" and a comma', 'NOTA: Loi n° 2012-1510 du 29 décembre 2012, article 37 II D : Ces dispositions', [other('loi n° 2012-1510 du 29 décembre 2012', '37', { pinpoint: 'II D' })]],
  ['an old note\'s heading, "art 1 V" without dot', 'NOTA: Loi 2007-128 du 31 janvier 2007 art. 1 V : Le présent article', [other('loi n° 2007-128 du 31 janvier 2007', '1', { pinpoint: 'V' })]],
  ['an old note\'s heading after the law\'s title', 'NOTA:\nLoi n° 2013-1278 du 29 décembre 2013 de finances pour 2014, art. 17 III : Ces dispositions', [other('loi n° 2013-1278 du 29 décembre 2013', '17', { pinpoint: 'III' })]],
  ['"art." right after a law is its article, colon or not', 'NOTA: Les dispositions introduites par loi 2002-92 2002-01-22 art. 56 I entrent en vigueur', [other('loi n° 2002-92 du 22 janvier 2002', '56', { pinpoint: 'I' })]],
  ['a decree named before its article', 'NOTA:\n\nDécret n° 2014-17 du 8 janvier 2014 article 4 : les présentes dispositions entrent en vigueur', [other('décret n° 2014-17 du 8 janvier 2014', '4')]],
  // "précité", "et suivants", HTML left in the text.
  ['"précité" repeats the code the article was cited in (regression: CGCT)', "l'article L. 300-5 du code de l'urbanisme ; dans les conditions prévues à l'article L. 300-5 précité", [other("code de l'urbanisme", 'L300-5'), other("code de l'urbanisme", 'L300-5')]],
  ['"précité" after a tax code article', "l'article 1609 quinquies C du code général des impôts ; au I de l'article 1609 quinquies C précité", [other('code général des impôts', '1609 quinquies C'), other('code général des impôts', '1609 quinquies C', { pinpoint: 'I' })]],
  ['"et suivants" does not hide the code (regression: CGCT and the whole code)', 'les articles L. 321-1 et suivants du code de la sécurité intérieure', [other('code de la sécurité intérieure', 'L321-1')]],
  ['an anchor left as HTML in the text: its href and title are no references', "visée à l'article <a href='/code-de-lurbanisme/l300-4.md' title='Code de l'urbanisme - art. L300-4 (V)'>L. 300-4 du code de l'urbanisme", [other("code de l'urbanisme", 'L300-4')]],
];

// The citing article's own code and number (extractReferences' options).
const OPTION_ROWS: Array<[comment: string, text: string, options: ExtractReferencesOptions, expected: Expected[]]> = [
  ['"du présent code" in another code is that code', "l'article L. 300-1 du présent code", { ownCode: 'code-de-lurbanisme' }, [other('code-de-lurbanisme', 'L300-1')]],
  ['a number with no text named is of the own code', "l'article L. 300-1", { ownCode: 'code-de-lurbanisme' }, [other('code-de-lurbanisme', 'L300-1')]],
  ['"du même code" with no code named before is the own code', "l'article L. 300-1 du même code", { ownCode: 'code-de-lurbanisme' }, [other('code-de-lurbanisme', 'L300-1')]],
  ['the own code named in full is the own code', "l'article L. 300-1 du code de l'urbanisme", { ownCode: 'code-de-lurbanisme' }, [other('code-de-lurbanisme', 'L300-1')]],
  ['the CGCT named is the CGCT, and "du même code" after it too', "l'article L. 2131-1 du code général des collectivités territoriales et l'article L. 2131-2 du même code", { ownCode: 'code-de-lurbanisme' }, [cgct('L2131-1'), cgct('L2131-2')]],
  ['"CGCT" named alone in another code is a whole text', 'les dispositions du CGCT', { ownCode: 'code-de-lurbanisme' }, [other('CGCT')]],
  ['another code named stays by its name', "l'article L. 211-7 du code de l'environnement", { ownCode: 'code-de-lurbanisme' }, [other("code de l'environnement", 'L211-7')]],
  ['a bare number in the code civil is its own article', "l'article 2044", { ownCode: 'code-civil' }, [other('code-civil', '2044')]],
  ['bare numbers in a list', "les articles 1240 et 1241", { ownCode: 'code-civil' }, [other('code-civil', '1240'), other('code-civil', '1241')]],
  ['a bare number normalized as the registry keys it', "l'article 238 BIS", { ownCode: 'code-general-des-impots-cgi' }, [other('code-general-des-impots-cgi', '238 bis')]],
  ['an "A." article of the own code', "l'article A. 462-4", { ownCode: 'code-de-lurbanisme' }, [other('code-de-lurbanisme', 'A462-4')]],
  ['a law\'s article stays the law\'s', "l'article 6 de la loi n° 2015-991 du 7 août 2015", { ownCode: 'code-civil' }, [other('loi n° 2015-991 du 7 août 2015', '6')]],
  ['a bare number before a text this grammar cannot name is not the own code\'s', "l'article 6 de la loi", { ownCode: 'code-civil' }, []],
  ['a note quoting a decision\'s "Art. 1 :" names no own article', "NOTA:\nConseil d'Etat, décision n° 400420 du 19 juillet 2017, Art. 1 : Sont annulés", { ownCode: 'code-de-lurbanisme' }, []],
  ['the CGCT default: a bare number alone is still left out', "l'article 2044", {}, []],
  ['a note naming the article itself cites nothing', "Texte.\n\nNOTA:\n\nConformément à l'article 8 de l'ordonnance n° 2020-330 du 25 mars 2020, pour l'application en 2020 de l'article L. 2333-6, la date", { ownNumber: 'L2333-6' }, [other('ordonnance n° 2020-330 du 25 mars 2020', '8')]],
  ['… nor "du même code" after it', "NOTA:\n\nLes dispositions des articles D. 2573-11 et D. 2573-12 du même code entrent en vigueur", { ownNumber: 'D2573-12' }, [cgct('D2573-11')]],
  ['… in any notation of the number', "NOTA: l'article L. 2333-6 s'applique", { ownNumber: 'L. 2333-6' }, []],
  ['… or as the article\'s key in another code', "NOTA: l'article 1240 s'applique", { ownCode: 'code-civil', ownNumber: 'code-civil:1240' }, []],
  ['a note without heading, "Conformément …", naming the article', "Texte.\n\nConformément à l'article 59 II de la loi n° 2014-58 du 27 janvier 2014, les dispositions de l'article L. 5215-20-1 entrent en vigueur", { ownNumber: 'L5215-20-1' }, [other('loi n° 2014-58 du 27 janvier 2014', '59', { pinpoint: 'II' })]],
  ['the body naming the article is kept: only notes are about the article', "l'article L. 2333-6 est applicable", { ownNumber: 'L2333-6' }, [cgct('L2333-6')]],
];

describe('extractReferences: the grammar, one row per form', () => {
  it.each(ROWS)('%s', (_comment, text, expected) => {
    expect(extractReferences(text).map(summarize)).toEqual(expected);
  });
});

describe('extractReferences: the own code and number, one row per form', () => {
  it.each(OPTION_ROWS)('%s', (_comment, text, options, expected) => {
    expect(extractReferences(text, options).map(summarize)).toEqual(expected);
  });

  it('still takes the limit as a number', () => {
    expect(extractReferences('aux articles L. 2131-1, L. 2131-2 et L. 3131-1', 1)).toHaveLength(3);
    expect(extractReferences('aux articles L. 2131-1, L. 2131-2 et L. 3131-1', { limit: 1 })).toHaveLength(3);
  });
});

describe('extractReferences: offsets and provenance', () => {
  it('gives the span of each designator as String.slice offsets', () => {
    const text = 'aux articles L. 2131-1, L. 2131-2 et L. 3131-1 du présent code';
    expect(extractReferences(text).map((r) => text.slice(r.start, r.end))).toEqual(['L. 2131-1', 'L. 2131-2', 'L. 3131-1']);
  });

  it('gives a range the span of both its ends', () => {
    const text = 'articles L. 2131-1 à L. 2131-5 sont applicables';
    const [range] = extractReferences(text);
    expect(text.slice(range!.start, range!.end)).toBe('L. 2131-1 à L. 2131-5');
  });

  it('reads references split by a hard line break', () => {
    expect(extractReferences("prévues à l'article L.\n2123-22 du même code").map(summarize)).toEqual([cgct('L2123-22')]);
  });

  it("marks every reference as found in the text", () => {
    expect(extractReferences("à l'article L. 2131-1").every((r) => r.via === 'text')).toBe(true);
  });
});

const SEEDS = '../shared/seeds';
const seed = (prefix: string): string => readFileSync(`${SEEDS}/${readdirSync(SEEDS).find((name) => name.startsWith(prefix))!}`, 'utf8');
/** The body of a seed: after its "# Article" heading, before its "Liens relatifs" block. */
const bodyOf = (text: string): string => text.replace(/^# .*\n/, '').split('**Liens relatifs')[0]!;

describe('extractReferences: the seeds', () => {
  it("reads in L1115-1 (seed 000) the nine articles it cites, in order", () => {
    const text = bodyOf(seed('000_')).replace(/<[^>]+>/g, '');
    expect(extractReferences(text).map((r) => r.target)).toEqual(['L2131-1', 'L2131-2', 'L3131-1', 'L3131-2', 'L4141-1', 'L4141-2', 'L2131-6', 'L3132-1', 'L4142-1']);
  });

  it('reads in L5111-1 (seed 002) two articles, a pinpointed one, an ordinance and a code, not the code in the ordinance\'s title', () => {
    expect(extractReferences(bodyOf(seed('002_'))).map(summarize)).toEqual([
      cgct('L5711-1'),
      cgct('L5721-8'),
      cgct('L5111-1-1', { pinpoint: 'I et III' }),
      other('code des marchés publics'),
      other('ordonnance n° 2005-649 du 6 juin 2005'),
    ]);
  });

  it('reads in the guide (seed 001) the mistyped "L.115-1" and the two laws it names by date', () => {
    expect(extractReferences(seed('001_')).map(summarize)).toEqual([
      other("loi d'orientation du 6 février 1992"),
      other('loi thiollière du 2 février 2007'),
      cgct('L115-1'),
    ]);
  });
});
