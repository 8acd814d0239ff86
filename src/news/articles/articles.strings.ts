/** The articles' Dutch strings (keys `news.articles.*`): the admin pages of both hosts and the image form. */
export const ARTICLE_STRINGS: Record<string, string> = {
  // the overview (/beheer/nieuws)
  'news.articles.list.title': 'Nieuws van {hub}',
  'news.articles.list.titleGeneral': 'Algemeen nieuws',
  'news.articles.list.lead':
    'Hier schrijf je berichten voor de mantelzorgers van je gemeente. Ze staan op de nieuwspagina en op de startpagina van de hub.',
  'news.articles.list.leadGeneral':
    'Algemene berichten staan op de nieuwspagina van elke hub in Vlaanderen, naast het nieuws van de gemeente.',
  'news.articles.list.new': 'Nieuw bericht schrijven',
  'news.articles.list.feeds': 'Feeds beheren',
  'news.articles.list.feeds.hint':
    'Berichten van andere websites (de Vlaamse overheid, het ziekenfonds, ...) komen via feeds vanzelf op de hub.',
  'news.articles.list.pageOf': 'Pagina {page} van {pages}',
  'news.articles.list.pagination': 'Andere pagina’s met berichten',
  'news.articles.list.previous': 'Vorige pagina',
  'news.articles.list.next': 'Volgende pagina',
  'news.articles.list.none': 'Er zijn nog geen berichten.',
  'news.articles.list.caption': 'Alle berichten, het nieuwste eerst',
  'news.articles.list.pinnedCount':
    'Vastgezet: {n} van de {max} berichten die je bovenaan kunt zetten.',
  'news.articles.col.title': 'Titel',
  'news.articles.col.status': 'Status',
  'news.articles.col.publishAt': 'Verschijnt op',
  'news.articles.col.pinned': 'Vastgezet',
  'news.articles.pinned.yes': 'Ja, bovenaan',
  'news.articles.pinned.no': 'Nee',
  'news.articles.status.planned': 'Gepland',
  'news.articles.edit': 'Aanpassen',
  'news.articles.view': 'Bekijken op de hub',
  'news.articles.back': 'Terug naar het nieuws',
  'news.articles.backAdmin': 'Terug naar beheer',

  // the form
  'news.articles.form.newTitle': 'Nieuw bericht',
  'news.articles.form.newTitleGeneral': 'Nieuw algemeen bericht',
  'news.articles.form.editTitle': 'Bericht aanpassen: {title}',
  'news.articles.form.editTitleShort': 'Bericht aanpassen',
  'news.articles.form.current': 'Status nu: {status}. Verschijnt op {date}.',
  'news.articles.form.title': 'Titel',
  'news.articles.form.title.hint':
    'Kort en duidelijk, bijvoorbeeld "Nieuw seizoen van het mantelzorgcafé".',
  'news.articles.form.slug': 'Adres van het bericht',
  'news.articles.form.slug.hint':
    'Het bericht staat op /nieuws/<adres>. Kleine letters, cijfers en koppeltekens. Laat leeg om het uit de titel te maken.',
  'news.articles.form.summary': 'Korte samenvatting',
  'news.articles.form.summary.hint':
    'Eén of twee zinnen. Die staan in de lijst met nieuws en op de startpagina.',
  'news.articles.form.body': 'Tekst van het bericht',
  'news.articles.form.body.hint':
    'Een lege regel begint een nieuwe alinea. Je kunt ook opmaak gebruiken: **vet** wordt vet, *schuin* wordt schuin, een regel die begint met "- " wordt een lijst, [tekst](https://adres.be) wordt een link, en een regel die begint met "## " wordt een tussentitel.',
  'news.articles.form.publish': 'Wanneer verschijnt het bericht?',
  'news.articles.form.publish.hint':
    'Laat de datum leeg om het meteen te laten verschijnen. Kies je een dag in de toekomst, dan verschijnt het bericht pas dan.',
  'news.articles.form.publishDate': 'Datum',
  'news.articles.form.publishDate.hint': 'Bijvoorbeeld 2027-03-15. Leeg: nu.',
  'news.articles.form.publishTime': 'Uur',
  'news.articles.form.publishTime.hint': 'Bijvoorbeeld 09:00. Leeg: om middernacht.',
  'news.articles.form.status': 'Status',
  'news.articles.form.status.draft.hint':
    'Alleen beheerders zien het. Handig om later verder te schrijven.',
  'news.articles.form.status.published.hint':
    'Iedereen ziet het, vanaf de datum en het uur hierboven.',
  'news.articles.form.status.archived.hint': 'Niemand ziet het nog. Het blijft wel bewaard.',
  'news.articles.form.pinned': 'Vastzetten bovenaan de nieuwspagina',
  'news.articles.form.pinned.hint': 'Je kunt hoogstens {max} berichten tegelijk vastzetten.',
  'news.articles.form.save': 'Bericht bewaren',
  'news.articles.form.create': 'Bericht bewaren',
  'news.articles.form.preview': 'Voorbeeld bekijken',
  'news.articles.form.preview.hint':
    '"Voorbeeld bekijken" toont de tekst zoals lezers hem zien, zonder iets te bewaren.',
  'news.articles.form.imageLater': 'Een afbeelding voeg je toe nadat je het bericht hebt bewaard.',
  'news.articles.form.delete': 'Dit bericht verwijderen',
  'news.articles.preview.heading': 'Voorbeeld',
  'news.articles.preview.lead':
    'Zo zien lezers het bericht. Er is nog niets bewaard: klik op "Bericht bewaren" onder het formulier.',
  'news.articles.preview.empty': 'De tekst is nog leeg.',

  // field errors
  'news.articles.error.title': 'Vul de titel van het bericht in (minstens 3 tekens).',
  'news.articles.error.titleTooLong': 'De titel mag hoogstens 160 tekens lang zijn.',
  'news.articles.error.slug':
    'Gebruik voor het adres 2 tot 120 kleine letters, cijfers of koppeltekens (geen koppelteken vooraan of achteraan), of laat het veld leeg.',
  'news.articles.error.slugReserved':
    'Het adres "{slug}" is gereserveerd voor de nieuwspagina zelf. Kies een ander adres of laat het veld leeg.',
  'news.articles.error.slugTaken':
    'Het adres "{slug}" is al in gebruik door een ander bericht op deze hub, of door een algemeen bericht. Kies een ander adres of laat het veld leeg.',
  'news.articles.error.slugTakenGeneral':
    'Het adres "{slug}" is al in gebruik door een ander algemeen bericht, of door een bericht van een gemeente. Kies een ander adres of laat het veld leeg.',
  'news.articles.error.summary': 'Vul een korte samenvatting in.',
  'news.articles.error.summaryTooLong': 'De samenvatting mag hoogstens {max} tekens lang zijn.',
  'news.articles.error.body': 'Vul de tekst van het bericht in.',
  'news.articles.error.bodyTooLong': 'De tekst mag hoogstens {max} tekens lang zijn.',
  'news.articles.error.publishDate':
    'Vul de datum in zoals 2027-03-15 (een dag die bestaat), of laat het veld leeg.',
  'news.articles.error.publishTime': 'Vul het uur in zoals 09:00, of laat het veld leeg.',
  'news.articles.error.publishTimeGap':
    'Dat uur bestaat niet op die dag (de klok wordt dan verzet). Kies een ander uur.',
  'news.articles.error.publishTimeAlone': 'Vul ook de datum in, of maak het uur leeg.',
  'news.articles.error.status': 'Kies of het bericht een klad is, gepubliceerd of gearchiveerd.',
  'news.articles.error.checkbox': 'Vink aan of laat leeg.',
  'news.articles.error.action': 'Kies "Bericht bewaren" of "Voorbeeld bekijken".',
  'news.articles.error.pinsFull':
    'Er staan al {max} berichten vast: {titles}. Maak eerst een ervan los, of zet dit bericht niet vast.',

  // the image
  'news.articles.image.heading': 'Afbeelding',
  'news.articles.image.lead':
    'Een foto bij het bericht is niet verplicht. Beschrijf altijd wat erop staat, voor wie de foto niet kan zien.',
  'news.articles.image.current': 'De afbeelding nu:',
  'news.articles.image.none': 'Dit bericht heeft nog geen afbeelding.',
  'news.articles.image.file': 'Kies een afbeelding',
  'news.articles.image.file.hint':
    'Een foto in JPEG, PNG of WebP, hoogstens 5 MB. We verwijderen de gegevens in het bestand (zoals de plaats waar de foto genomen is).',
  'news.articles.image.fileReplace': 'Andere afbeelding kiezen (niet verplicht)',
  'news.articles.image.fileReplace.hint':
    'Kies alleen een bestand als je de afbeelding wilt vervangen. Zonder bestand bewaren we alleen de beschrijving.',
  'news.articles.image.alt': 'Wat staat er op de afbeelding?',
  'news.articles.image.alt.hint':
    'Bijvoorbeeld "Vrijwilligers schenken koffie in het dienstencentrum". Dit lezen mensen die de afbeelding niet zien.',
  'news.articles.image.upload': 'Afbeelding bewaren',
  'news.articles.image.remove': 'Afbeelding verwijderen',
  'news.articles.image.remove.hint': 'Het bericht blijft staan, zonder afbeelding.',
  'news.articles.image.error.missing': 'Kies een afbeelding (JPEG, PNG of WebP).',
  'news.articles.image.error.tooLarge': 'De afbeelding is groter dan 5 MB. Kies een kleinere.',
  'news.articles.image.error.wrongType':
    'Dit bestand is geen foto in JPEG, PNG of WebP. Andere bestanden (zoals SVG of PDF) kunnen niet.',
  'news.articles.image.error.unreadable':
    'Deze afbeelding kunnen we niet openen. Probeer een andere, of bewaar ze opnieuw met een fotoprogramma.',
  'news.articles.image.error.notReceived':
    'We hebben de afbeelding niet goed ontvangen. Kies één bestand en probeer opnieuw.',
  'news.articles.image.error.altMissing':
    'Beschrijf wat er op de afbeelding staat: dat is nodig voor wie ze niet kan zien.',
  'news.articles.image.error.altTooLong': 'De beschrijving mag hoogstens 200 tekens lang zijn.',

  // delete
  'news.articles.delete.title': 'Bericht verwijderen: {title}',
  'news.articles.delete.lead':
    'Het bericht verdwijnt van de hub, samen met de afbeelding. Dit kun je niet ongedaan maken. Wil je het alleen verbergen? Kies dan de status "Gearchiveerd".',
  'news.articles.delete.confirm': 'Ja, verwijder dit bericht',
  'news.articles.delete.cancel': 'Nee, terug naar het bericht',

  // done (flash)
  'news.articles.done.created': 'Het bericht "{title}" is bewaard.',
  'news.articles.done.saved': 'De wijzigingen aan "{title}" zijn bewaard.',
  'news.articles.done.deleted': 'Het bericht "{title}" is verwijderd.',
  'news.articles.done.imageSaved': 'De afbeelding van "{title}" is bewaard.',
  'news.articles.done.imageRemoved': 'De afbeelding van "{title}" is verwijderd.',
};
