/** Strings every capability of the news uses (navigation, labels of kinds and statuses). */
export default {
  'nav.news': 'Nieuws',
  'news.admin.card': 'Nieuws',
  'news.admin.card.hint': 'Lokale berichten schrijven en de feeds van de gemeente beheren.',
  'news.admin.platformCard.hint': 'Algemene berichten en feeds, op elke hub te zien.',
  'news.kind.local': 'lokaal',
  'news.kind.general': 'algemeen',
  'news.status.draft': 'Klad',
  'news.status.published': 'Gepubliceerd',
  'news.status.archived': 'Gearchiveerd',
} satisfies Record<string, string>;
