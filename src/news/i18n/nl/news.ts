/** Strings every capability of the news uses (navigation, labels of kinds and statuses). */
export default {
  'nav.news': 'Nieuws',
  'news.kind.local': 'lokaal',
  'news.kind.general': 'algemeen',
  'news.status.draft': 'Klad',
  'news.status.published': 'Gepubliceerd',
  'news.status.archived': 'Gearchiveerd',
} satisfies Record<string, string>;
