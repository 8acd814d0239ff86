import { FETCH_ERROR_STRINGS } from './fetch/fetch-error-strings';

/** The feeds' Dutch strings (keys `news.feeds.*`): the admin pages of both hosts, with the fetcher's error messages. */
export const FEED_STRINGS: Record<string, string> = {
  ...FETCH_ERROR_STRINGS,
  'news.feeds.error.unknown': 'Er ging iets mis bij het ophalen van de feed.',

  // the list (/beheer/nieuws/feeds)
  'news.feeds.list.title': 'Feeds van {hub}',
  'news.feeds.list.titleGeneral': 'Algemene feeds',
  'news.feeds.list.lead':
    'Een feed haalt vanzelf de berichten van een andere website binnen, bijvoorbeeld het nieuws van de website van de gemeente. De berichten staan op de nieuwspagina van de hub, met de naam van de bron en een link naar het origineel.',
  'news.feeds.list.leadGeneral':
    'Algemene feeds halen berichten van betrouwbare bronnen binnen (de Vlaamse overheid, verenigingen van mantelzorgers, ziekenfondsen). Die berichten staan op de nieuwspagina van elke hub.',
  'news.feeds.list.new': 'Feed toevoegen',
  'news.feeds.list.none': 'Er zijn nog geen feeds.',
  'news.feeds.list.back': 'Terug naar het nieuws',
  'news.feeds.list.caption': 'Alle feeds, met hoe het ophalen gaat',
  'news.feeds.col.name': 'Feed',
  'news.feeds.col.health': 'Hoe gaat het?',
  'news.feeds.col.items': 'Berichten',
  'news.feeds.col.next': 'Volgende keer ophalen',
  'news.feeds.manage': 'Aanpassen',
  'news.feeds.itemsLink': 'Berichten bekijken',

  // health
  'news.feeds.health.heading': 'Hoe gaat het met deze feed?',
  'news.feeds.health.ok': 'Werkt',
  'news.feeds.health.problem': 'Probleem',
  'news.feeds.health.off': 'Staat uit',
  'news.feeds.health.new': 'Nog niet opgehaald',
  'news.feeds.health.flagged':
    'Deze feed faalde {n} keer na elkaar. We proberen het nog maar één keer per dag. Controleer het adres, of druk op "Nu vernieuwen" als de website weer werkt.',
  'news.feeds.health.lastSuccess': 'Laatst gelukt',
  'news.feeds.health.never': 'Nog nooit',
  'news.feeds.health.lastError': 'Laatste fout',
  'news.feeds.health.lastErrorSolved': 'Laatste fout (sindsdien opgelost)',
  'news.feeds.health.noError': 'Geen',
  'news.feeds.health.errorAt': 'op {date}',
  'news.feeds.health.detail': 'Meer details: {detail}',
  'news.feeds.health.items': 'Berichten bewaard',
  'news.feeds.health.itemsCount': '{n} berichten',
  'news.feeds.health.itemsCountHidden': '{n} berichten, waarvan {hidden} verborgen',
  'news.feeds.health.next': 'Volgende keer ophalen',
  'news.feeds.health.nextSoon': 'Zo meteen (binnen een minuut)',
  'news.feeds.health.nextOff': 'Niet: de feed staat uit',
  'news.feeds.health.failures': '{n} keer na elkaar mislukt',
  'news.feeds.health.failuresOne': 'de laatste keer mislukt',

  // the form
  'news.feeds.form.newTitle': 'Feed toevoegen',
  'news.feeds.form.newTitleGeneral': 'Algemene feed toevoegen',
  'news.feeds.form.editTitle': 'Feed: {name}',
  'news.feeds.form.editTitleShort': 'Feed aanpassen',
  'news.feeds.form.url': 'Adres van de feed',
  'news.feeds.form.url.hint':
    'Het webadres van de RSS- of Atom-feed, bijvoorbeeld https://www.gemeente.be/nieuws/rss. Het begint met https:// of http://.',
  'news.feeds.form.name': 'Naam van de bron',
  'news.feeds.form.name.hint':
    'Zo zien lezers van wie het bericht komt, bijvoorbeeld "Website van de gemeente" of "Departement Zorg".',
  'news.feeds.form.refreshMinutes': 'Hoe vaak ophalen? (in minuten)',
  'news.feeds.form.refreshMinutes.hint':
    'Minstens {min} minuten, hoogstens {max} (een dag). Gewoonlijk 60: elk uur.',
  'news.feeds.form.enabled': 'De feed staat aan',
  'news.feeds.form.enabled.hint':
    'Staat de feed uit, dan halen we geen nieuwe berichten op. De berichten die er al zijn, blijven staan.',
  'news.feeds.form.display': 'Hoe staan de berichten op de hub?',
  'news.feeds.form.display.samenvatting': 'Een korte samenvatting, met een link naar het origineel',
  'news.feeds.form.display.samenvatting.hint':
    'Lezers lezen het volledige bericht op de website van de bron.',
  'news.feeds.form.display.volledig': 'Het volledige bericht',
  'news.feeds.form.display.volledig.hint':
    'Alleen als de bron dat toelaat. De link naar het origineel staat er altijd bij.',
  'news.feeds.form.create': 'Feed toevoegen',
  'news.feeds.form.save': 'Wijzigingen bewaren',
  'news.feeds.form.after':
    'Na het bewaren halen we de berichten binnen een minuut op. Hieronder zie je of dat lukte.',
  'news.feeds.form.delete': 'Deze feed verwijderen',
  'news.feeds.back': 'Terug naar de feeds',

  // refresh now
  'news.feeds.refresh.button': 'Nu vernieuwen',
  'news.feeds.refresh.hint':
    'We halen de berichten meteen opnieuw op. Faalde de feed al vaak, dan proberen we daarna weer op het gewone ritme.',
  'news.feeds.refresh.offHint': 'De feed staat uit. Zet hem eerst aan om hem te vernieuwen.',

  // items
  'news.feeds.items.title': 'Berichten van {name}',
  'news.feeds.items.lead':
    'Alle berichten die we van deze feed bewaarden, het nieuwste eerst. Verberg een bericht dat niet op de hub hoort: het komt er dan ook niet meer terug.',
  'news.feeds.items.back': 'Terug naar de feed',
  'news.feeds.items.none': 'Er zijn nog geen berichten van deze feed.',
  'news.feeds.items.caption': 'Berichten van deze feed, het nieuwste eerst',
  'news.feeds.items.col.title': 'Bericht',
  'news.feeds.items.col.date': 'Datum',
  'news.feeds.items.col.shown': 'Op de hub?',
  'news.feeds.items.shown': 'Zichtbaar',
  'news.feeds.items.hidden': 'Verborgen',
  'news.feeds.items.original': 'Origineel',
  'news.feeds.items.view': 'Bekijken op de hub',
  'news.feeds.items.hide': 'Verbergen',
  'news.feeds.items.show': 'Weer tonen',
  'news.feeds.items.page': 'Pagina {page} van {pages}',
  'news.feeds.items.previous': 'Vorige pagina',
  'news.feeds.items.next': 'Volgende pagina',
  'news.feeds.items.pages': 'Pagina’s',

  // delete
  'news.feeds.delete.title': 'Feed verwijderen: {name}',
  'news.feeds.delete.lead':
    'De feed en alle {n} berichten die we ervan bewaarden, verdwijnen van de hub. Dat kan je niet ongedaan maken.',
  'news.feeds.delete.confirm': 'Ja, verwijder de feed en zijn berichten',
  'news.feeds.delete.cancel': 'Nee, terug naar de feed',

  // done
  'news.feeds.done.created': 'De feed "{name}" is toegevoegd. We halen de berichten zo meteen op.',
  'news.feeds.done.saved': 'De wijzigingen aan "{name}" zijn bewaard.',
  'news.feeds.done.deleted': 'De feed "{name}" en zijn berichten zijn verwijderd.',
  'news.feeds.done.refresh':
    'We halen de berichten van "{name}" nu opnieuw op. Vernieuw deze pagina straks om te zien of het lukte.',
  'news.feeds.done.refreshOff': 'De feed "{name}" staat uit: we halen niets op.',
  'news.feeds.done.hidden': 'Het bericht "{title}" is verborgen. Het staat niet meer op de hub.',
  'news.feeds.done.shown': 'Het bericht "{title}" staat weer op de hub.',

  // form errors
  'news.feeds.error.urlMissing': 'Vul het adres van de feed in.',
  'news.feeds.error.url':
    'Dit is geen geldig webadres. Het begint met https:// of http://, bijvoorbeeld https://www.gemeente.be/nieuws/rss.',
  'news.feeds.error.urlScheme':
    'Dit adres is niet toegelaten. Alleen adressen die beginnen met https:// of http:// kunnen.',
  'news.feeds.error.urlTooLong': 'Het adres is te lang (hoogstens {max} tekens).',
  'news.feeds.error.urlTaken': 'Deze feed staat er al, met de naam "{name}".',
  'news.feeds.error.name': 'Vul de naam van de bron in.',
  'news.feeds.error.nameTooLong': 'De naam is te lang (hoogstens {max} tekens).',
  'news.feeds.error.refreshMinutes':
    'Vul een aantal minuten in, in cijfers: minstens {min} en hoogstens {max}.',
  'news.feeds.error.checkbox': 'Vink het vakje aan of laat het leeg.',
  'news.feeds.error.display': 'Kies hoe de berichten op de hub staan.',
};
