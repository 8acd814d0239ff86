/**
 * The kinds of items in the index (the `source` the migration's reindex functions write) and the
 * heading their results are grouped under, in this order when they rank alike.
 */
export const SEARCH_GROUPS: readonly { label: string; sources: readonly string[] }[] = [
  { label: 'Activiteiten', sources: ['activity'] },
  { label: 'Mantelzorgcafés', sources: ['cafe'] },
  { label: 'Opleidingen', sources: ['course'] },
  { label: 'Wegwijzer', sources: ['guide-page', 'general-guide-page'] },
  { label: 'Hulp in de buurt', sources: ['organisation'] },
  {
    label: 'Nieuws',
    sources: ['news-article', 'general-article', 'news-item', 'general-news-item'],
  },
  { label: 'Over deze website', sources: ['hub-page'] },
];

export function groupOf(source: string): string {
  return SEARCH_GROUPS.find((group) => group.sources.includes(source))?.label ?? 'Andere';
}
