/** How the table of contents says a section's count of articles, in French. */

/** "aucun article", "1 article", "4 312 articles" (thousands set off by a narrow no-break space). */
export function formatArticleCount(count: number): string {
  if (count === 0) return 'aucun article';
  return `${count.toLocaleString('fr-FR')} article${count > 1 ? 's' : ''}`;
}
