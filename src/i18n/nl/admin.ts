/** Strings of the municipality's admin pages (/beheer) and its legal pages. */
export default {
  'admin.back': 'Terug naar Beheer',
  'admin.save': 'Opslaan',
  'admin.overview.title': 'Beheer van de Mantelzorghub',
  'admin.overview.lead':
    'Hier pas je aan hoe de Mantelzorghub van {name} eruitziet, wat erop staat en wie mee beheert.',
  'admin.overview.branding': 'Huisstijl',
  'admin.overview.branding.hint': 'De naam, de kleur en het logo van de gemeente.',
  'admin.overview.welcome': 'Welkomsttekst en contact',
  'admin.overview.welcome.hint':
    'De tekst op de startpagina en hoe mensen de sociale dienst bereiken.',
  'admin.overview.members': 'Leden',
  'admin.overview.members.hint':
    'Wie meedoet, wie welke rol heeft, en collega’s of zorgprofessionals uitnodigen.',
  'admin.overview.privacy': 'Privacyverklaring',
  'admin.overview.privacy.hint': 'Wat er met de gegevens van mantelzorgers gebeurt.',
  'admin.overview.accessibility': 'Toegankelijkheidsverklaring',
  'admin.overview.accessibility.hint':
    'Hoe toegankelijk de website is en waar mensen een probleem melden.',
  'admin.overview.custom': 'Eigen tekst van de gemeente',
  'admin.overview.default': 'Standaardtekst',

  'admin.branding.title': 'Huisstijl',
  'admin.branding.lead':
    'De kleur komt in de kopbalk en op de knoppen, met witte tekst erop. Daarom moet de kleur donker genoeg zijn.',
  'admin.branding.name': 'Naam van de stad of gemeente',
  'admin.branding.name.hint': 'Zoals inwoners hem kennen, bijvoorbeeld "Poperinge".',
  'admin.branding.color': 'Kleur van de gemeente',
  'admin.branding.color.hint': 'Kies een kleur. De witte tekst erop moet goed leesbaar blijven.',
  'admin.branding.colorText': 'Of typ de kleurcode (niet verplicht)',
  'admin.branding.colorText.hint':
    'Bijvoorbeeld #1d5c8f. Vul je hier iets in, dan gebruiken we deze code. Laat leeg als je de kleur hierboven kiest.',
  'admin.branding.current': 'De huidige kleur is {color}. Die zie je nu in de kopbalk bovenaan.',
  'admin.branding.logo.heading': 'Logo',
  'admin.branding.logo.current': 'Het huidige logo:',
  'admin.branding.logo.none': 'Er is nog geen logo. Dan staat alleen de naam in de kopbalk.',
  'admin.branding.logo': 'Nieuw logo',
  'admin.branding.logo.hint':
    'Een PNG-, JPEG- of WebP-afbeelding van hoogstens 2 MB. Een SVG kan niet. We maken het logo zo nodig kleiner.',
  'admin.branding.logo.upload': 'Logo opladen',
  'admin.branding.logo.remove': 'Logo verwijderen',
  'admin.branding.logo.remove.hint': 'Dan staat alleen nog de naam van de gemeente in de kopbalk.',
  'admin.branding.saved': 'De huisstijl is opgeslagen.',
  'admin.branding.logo.saved': 'Het nieuwe logo staat op de website.',
  'admin.branding.logo.removed': 'Het logo is verwijderd.',

  'admin.welcome.title': 'Welkomsttekst en contact',
  'admin.welcome.lead':
    'Deze tekst en de contactgegevens staan op de startpagina. De contactgegevens staan ook onderaan elke pagina en in de privacyverklaring.',
  'admin.welcome.text': 'Welkomsttekst',
  'admin.welcome.text.hint':
    'Gewone tekst, geen opmaak. Laat een lege regel tussen twee alinea’s. Schrijf kort en eenvoudig.',
  'admin.welcome.contactHeading': 'Contact van de sociale dienst',
  'admin.welcome.email': 'E-mailadres',
  'admin.welcome.email.hint': 'Bijvoorbeeld sociaalhuis@gemeente.be. Laat leeg als er geen is.',
  'admin.welcome.phone': 'Telefoonnummer',
  'admin.welcome.phone.hint': 'Bijvoorbeeld 057 34 66 00. Laat leeg als er geen is.',
  'admin.welcome.address': 'Adres',
  'admin.welcome.address.hint':
    'Straat, nummer en gemeente, bijvoorbeeld Deken De Bolaan 1, 8970 Poperinge.',
  'admin.welcome.saved': 'De welkomsttekst en de contactgegevens zijn opgeslagen.',

  'admin.members.title': 'Leden',
  'admin.members.lead': 'Iedereen met een account bij de Mantelzorghub van {name}.',
  'admin.members.invite': 'Iemand uitnodigen',
  'admin.members.caption': 'Leden, pagina {page} van {pages}',
  'admin.members.name': 'Naam',
  'admin.members.email': 'E-mail',
  'admin.members.role': 'Rol',
  'admin.members.since': 'Lid sinds',
  'admin.members.none': 'Er zijn nog geen leden.',
  'admin.members.previous': 'Vorige pagina',
  'admin.members.next': 'Volgende pagina',
  'admin.members.details': 'Gegevens en rol van {name}',
  'admin.members.back': 'Terug naar de ledenlijst',
  'admin.members.phone': 'Telefoon',
  'admin.members.roleLegend': 'Welke rol heeft {name}?',
  'admin.members.changeRole': 'Rol wijzigen',
  'admin.members.staffLegend': 'Medewerker van de gemeente',
  'admin.members.staffLabel': '{name} werkt voor de gemeente',
  'admin.members.staffHint':
    'Medewerkers zien ook de opleidingen voor medewerkers van de gemeente. Beheerders zien die altijd.',
  'admin.members.staffSave': 'Opslaan',
  'admin.members.staffYes': 'Medewerker van de gemeente',
  'admin.members.staffOn': '{name} is nu aangeduid als medewerker van de gemeente.',
  'admin.members.staffOff': '{name} is niet langer aangeduid als medewerker van de gemeente.',
  'admin.members.staffInvalid': 'Vink het vakje aan of laat het leeg.',
  'admin.members.selfWarning':
    'Let op: dit ben jij. Kies je een andere rol dan beheerder, dan kun je de beheerpagina’s niet meer openen.',
  'admin.members.pagesNav': 'Pagina’s van de ledenlijst',
  'admin.members.roleChanged': 'De rol van {name} is nu: {role}.',
  'admin.members.selfDemoted': 'Je rol is nu: {role}. Je kunt de beheerpagina’s niet meer openen.',
  'admin.members.lastAdmin':
    '{name} is de enige beheerder van deze gemeente. Maak eerst iemand anders beheerder, daarna kun je deze rol wijzigen.',

  'admin.role.caregiver': 'Mantelzorger',
  'admin.role.caregiver.hint': 'Kan meedoen aan cafés, opleidingen en de activiteitenkalender.',
  'admin.role.professional': 'Sociale dienst of zorgprofessional',
  'admin.role.professional.hint': 'Kan met mantelzorgers praten en hen helpen.',
  'admin.role.tenant_admin': 'Beheerder',
  'admin.role.tenant_admin.hint': 'Kan alles op deze beheerpagina’s aanpassen.',

  'admin.invite.title': 'Iemand uitnodigen',
  'admin.invite.lead':
    'Nodig een collega van de sociale dienst, een zorgprofessional of een andere beheerder uit. Mantelzorgers maken zelf een account.',
  'admin.invite.email': 'E-mailadres',
  'admin.invite.email.hint': 'Naar dit adres sturen we de uitnodiging.',
  'admin.invite.roleLegend': 'Welke rol krijgt deze persoon?',
  'admin.invite.submit': 'Uitnodiging sturen',
  'admin.invite.after':
    'De persoon krijgt een e-mail met een link. Via die link maakt hij of zij een account of logt in.',
  'admin.invite.sent': 'We hebben een uitnodiging gestuurd naar {email}.',

  'admin.legal.privacy.title': 'Privacyverklaring aanpassen',
  'admin.legal.toegankelijkheid.title': 'Toegankelijkheidsverklaring aanpassen',
  'admin.legal.lead':
    'Beide verklaringen zijn wettelijk verplicht. De standaardtekst vult de naam en de contactgegevens van de gemeente zelf in. Pas hem aan als jullie werking anders is.',
  'admin.legal.usesDefault': 'Nu staat de standaardtekst op de website.',
  'admin.legal.usesCustom':
    'Nu staat jullie eigen tekst op de website, laatst aangepast op {date}.',
  'admin.legal.body': 'Tekst van de verklaring',
  'admin.legal.body.hint':
    'Gewone tekst, geen opmaak. Laat een lege regel tussen twee alinea’s. Een regel die begint met ## wordt een tussentitel, regels die beginnen met - worden een opsomming.',
  'admin.legal.view': 'Bekijk de verklaring zoals bezoekers ze zien',
  'admin.legal.reset': 'Terug naar de standaardtekst',
  'admin.legal.reset.title': 'Terug naar de standaardtekst?',
  'admin.legal.reset.consequence':
    'Jullie eigen tekst wordt gewist. Daarna staat de standaardtekst op de website, met de naam en de contactgegevens van de gemeente.',
  'admin.legal.reset.confirm': 'Ja, gebruik de standaardtekst',
  'admin.legal.reset.cancel': 'Nee, terug',
  'admin.legal.saved': 'De nieuwe tekst staat op de website.',
  'admin.legal.restored': 'De standaardtekst staat weer op de website.',

  'legal.privacy.title': 'Privacyverklaring',
  'legal.toegankelijkheid.title': 'Toegankelijkheidsverklaring',
  'legal.updated': 'Laatst aangepast op {date}.',
} as const;
