/**
 * The news's DEMO content for `npm start` (made up, as all demo data; the sources' names are
 * real organisations, their feed addresses only look real). Articles are written in the
 * Markdown subset of the editor. Days are counted from the moment of seeding: negative is in the
 * past, positive in the future (an article planned for later appears then).
 */

export interface DemoArticle {
  slug: string;
  title: string;
  summary: string;
  body: string;
  days: number;
  pinned?: boolean;
}

export interface DemoFeedItem {
  guid: string;
  /** The path on the source's site. */
  path: string;
  title: string;
  summary: string;
  /** HTML as a feed sends it (sanitized by the seeder with the feed allowlist). */
  content: string;
  days: number;
}

export interface DemoFeed {
  url: string;
  name: string;
  showFull: boolean;
  refreshMinutes: number;
  /** Hours since the last successful refresh (the items were stored then). */
  fetchedHoursAgo: number;
  items: DemoFeedItem[];
}

/** General articles: written by the platform's editors, shown on every hub. */
export const DEMO_GENERAL_ARTICLES: DemoArticle[] = [
  {
    slug: 'zorgbudget-voor-zwaar-zorgbehoevenden',
    title: 'Zorgbudget voor zwaar zorgbehoevenden: zo vraag je het aan',
    summary:
      'Zorg je thuis voor iemand die veel hulp nodig heeft? Dan heeft die persoon misschien recht op een zorgbudget van de Vlaamse sociale bescherming.',
    days: -3,
    pinned: true,
    body: `Het **zorgbudget voor zwaar zorgbehoevenden** is een vast bedrag per maand van de Vlaamse sociale bescherming (vroeger de Vlaamse zorgverzekering). Het helpt om de kosten van zorg thuis te betalen: thuisverpleging, poetshulp, een oppas of de kosten die jij als mantelzorger maakt.

## Wie kan het krijgen?

- Iemand die al een tijd zwaar zorgbehoevend is, thuis of in een woonzorgcentrum.
- Die in Vlaanderen woont (of in Brussel en aangesloten is bij een Vlaamse zorgkas).
- Die elk jaar de bijdrage aan de zorgkas betaalde.

## Hoe vraag je het aan?

1. Neem contact op met de **zorgkas** van de persoon voor wie je zorgt. Dat is meestal het ziekenfonds.
2. Iemand van de zorgkas of een dienst maatschappelijk werk komt langs om te kijken hoeveel zorg er nodig is.
3. Je krijgt een brief met de beslissing.

Twijfel je of je in aanmerking komt? Vraag het aan de sociale dienst van je ziekenfonds of aan het Sociaal Huis van je gemeente. Zij helpen je graag met de aanvraag.

Meer uitleg vind je op [de website van de Vlaamse sociale bescherming](https://www.vlaamsesocialebescherming.be).`,
  },
  {
    slug: 'respijtzorg-even-op-adem-komen',
    title: 'Respijtzorg: even op adem komen',
    summary:
      'Respijtzorg betekent dat iemand anders de zorg even overneemt. Zo kun jij rusten, werken of iets voor jezelf doen.',
    days: -9,
    body: `Zorgen voor iemand is mooi, maar ook zwaar. Je hoeft het niet altijd alleen te doen. Met **respijtzorg** neemt iemand anders de zorg een tijdje over.

## Welke respijtzorg bestaat er?

- **Dagverzorging**: de persoon voor wie je zorgt gaat overdag naar een centrum en komt 's avonds weer thuis.
- **Kortverblijf**: een paar dagen of weken in een woonzorgcentrum, bijvoorbeeld als jij op vakantie gaat of naar het ziekenhuis moet.
- **Oppas aan huis**: een vrijwilliger of oppasdienst blijft een paar uur bij de persoon thuis, ook 's nachts.
- **Vakantie**: sommige organisaties bieden aangepaste vakanties aan, voor de persoon alleen of samen met jou.

## Wat kost het?

Dat hangt af van de dienst. Vaak betaal je een deel terug via je ziekenfonds of met het zorgbudget. Vraag het na voor je begint.

*Durf hulp te vragen.* Veel mantelzorgers wachten te lang. Het Sociaal Huis van je gemeente weet welke respijtzorg er in de buurt is.`,
  },
  {
    slug: 'verlof-voor-mantelzorg-werk-en-zorg-combineren',
    title: 'Verlof voor mantelzorg: werk en zorg combineren',
    summary:
      'Werk je en zorg je voor iemand? Als erkende mantelzorger kun je een tijd minder werken of stoppen met werken, met een uitkering.',
    days: -16,
    body: `Werk en zorg combineren is niet makkelijk. Gelukkig bestaan er verschillende soorten **zorgverlof**.

## Verlof voor mantelzorg

Ben je **erkend als mantelzorger**? Dan kun je verlof voor mantelzorg nemen: voltijds, halftijds of een vijfde minder werken, voor een beperkte tijd per persoon voor wie je zorgt. Je krijgt dan een uitkering van de RVA.

## Erkenning als mantelzorger

De erkenning vraag je aan bij je ziekenfonds. Je hebt een verklaring nodig van de persoon voor wie je zorgt, en soms van een arts.

## Andere soorten verlof

- **Verlof voor medische bijstand**, om te zorgen voor een zwaar ziek gezins- of familielid.
- **Palliatief verlof**, om iemand te verzorgen die ongeneeslijk ziek is.

Praat er ook over met je werkgever. Vaak is er meer mogelijk dan je denkt, zoals andere werkuren of thuiswerk.`,
  },
  {
    slug: 'mantelzorgers-vertellen-hun-verhaal',
    title: 'Week van de mantelzorg: mantelzorgers vertellen hun verhaal',
    summary:
      'Tijdens de Week van de Mantelzorg vertellen mantelzorgers uit heel Vlaanderen hoe zij zorg en hun eigen leven combineren.',
    days: 7,
    body: `Tijdens de **Week van de Mantelzorg** zetten we mantelzorgers in de kijker. Elke dag lees je hier het verhaal van iemand die zorgt: voor een partner, een ouder, een kind of een buur.

Wil jij ook je verhaal vertellen? Laat het weten aan het Sociaal Huis van je gemeente.`,
  },
];

/** General feeds: sources for every hub (refreshed by the worker; demo items stored as if fetched). */
export const DEMO_GENERAL_FEEDS: DemoFeed[] = [
  {
    url: 'https://www.departementzorg.be/nl/nieuws/rss.xml',
    name: 'Departement Zorg',
    showFull: false,
    refreshMinutes: 60,
    fetchedHoursAgo: 5,
    items: [
      {
        guid: 'https://www.departementzorg.be/nl/nieuws/dagverzorging-uitgebreid',
        path: '/nl/nieuws/dagverzorging-uitgebreid',
        title: 'Meer plaatsen in dagverzorgingscentra',
        summary:
          'De Vlaamse overheid geeft extra middelen aan centra voor dagverzorging, zodat meer mensen overdag opvang vinden.',
        content:
          '<p>De Vlaamse overheid geeft extra middelen aan <strong>centra voor dagverzorging</strong>.</p><p>Zo vinden meer mensen overdag opvang dicht bij huis.</p>',
        days: -2,
      },
      {
        guid: 'https://www.departementzorg.be/nl/nieuws/zorgbudget-ouderen',
        path: '/nl/nieuws/zorgbudget-ouderen',
        title: 'Zorgbudget voor ouderen met een zorgnood: nieuwe inkomensgrenzen',
        summary:
          'De inkomensgrenzen voor het zorgbudget voor ouderen met een zorgnood zijn aangepast. Kijk na of je nu wel in aanmerking komt.',
        content:
          '<p>De inkomensgrenzen voor het zorgbudget voor ouderen met een zorgnood zijn aangepast.</p><ul><li>Kijk na of je nu wel in aanmerking komt.</li><li>Je zorgkas helpt je.</li></ul>',
        days: -11,
      },
      {
        guid: 'https://www.departementzorg.be/nl/nieuws/eerstelijnszones',
        path: '/nl/nieuws/eerstelijnszones',
        title: 'Eerstelijnszones bundelen hulp voor mantelzorgers',
        summary:
          'In elke eerstelijnszone werken huisartsen, thuiszorg en het lokaal bestuur samen. Ook mantelzorgers kunnen er terecht.',
        content:
          '<p>In elke eerstelijnszone werken huisartsen, thuiszorg en het lokaal bestuur samen.</p>',
        days: -20,
      },
    ],
  },
  {
    url: 'https://www.mantelzorgplatform.be/feed/',
    name: 'Vlaams Mantelzorgplatform',
    showFull: true,
    refreshMinutes: 120,
    fetchedHoursAgo: 3,
    items: [
      {
        guid: 'https://www.mantelzorgplatform.be/?p=4121',
        path: '/nieuws/mantelzorgstatuut-evaluatie',
        title: 'Wat vinden mantelzorgers van hun erkenning?',
        summary:
          'Het Vlaams Mantelzorgplatform vroeg mantelzorgers wat de erkenning als mantelzorger voor hen betekent. De resultaten zijn er.',
        content:
          '<p>Het Vlaams Mantelzorgplatform vroeg mantelzorgers wat de <em>erkenning als mantelzorger</em> voor hen betekent.</p><p>De meesten vinden de erkenning belangrijk, maar weten niet goed welke rechten ze geeft. <a href="https://www.mantelzorgplatform.be/erkenning">Lees de resultaten</a>.</p><script>track()</script>',
        days: -1,
      },
      {
        guid: 'https://www.mantelzorgplatform.be/?p=4098',
        path: '/nieuws/jonge-mantelzorgers',
        title: 'Jonge mantelzorgers: zorgen naast school',
        summary:
          'Ook kinderen en jongeren zorgen voor een ouder, broer of zus. Scholen kunnen helpen door het te zien en erover te praten.',
        content:
          '<p>Ook kinderen en jongeren zorgen voor een ouder, broer of zus.</p><p>Scholen kunnen helpen door het te zien en erover te praten.</p>',
        days: -8,
      },
    ],
  },
  {
    url: 'https://www.samana.be/nieuws/rss',
    name: 'Samana',
    showFull: false,
    refreshMinutes: 60,
    fetchedHoursAgo: 6,
    items: [
      {
        guid: 'samana-2026-vakanties-mantelzorgers',
        path: '/nieuws/vakanties-voor-mantelzorgers',
        title: 'Vakanties voor mantelzorgers en wie ze verzorgen',
        summary:
          'Samana organiseert aangepaste vakanties waar mantelzorgers samen met de persoon voor wie ze zorgen even op adem komen.',
        content:
          '<p>Samana organiseert aangepaste vakanties voor mantelzorgers en de persoon voor wie ze zorgen.</p>',
        days: -4,
      },
      {
        guid: 'samana-2026-praatgroepen',
        path: '/nieuws/praatgroepen-mantelzorg',
        title: 'Praatgroepen voor mantelzorgers in je regio',
        summary:
          'In een praatgroep deel je je ervaringen met andere mantelzorgers. Vrijwilligers van Samana begeleiden de gesprekken.',
        content: '<p>In een praatgroep deel je je ervaringen met andere mantelzorgers.</p>',
        days: -13,
      },
    ],
  },
  {
    url: 'https://www.cm.be/nieuws/rss.xml',
    name: 'CM',
    showFull: false,
    refreshMinutes: 60,
    fetchedHoursAgo: 4,
    items: [
      {
        guid: 'https://www.cm.be/nieuws/mantelzorgpakket',
        path: '/nieuws/mantelzorgpakket',
        title: 'Zo ondersteunt je ziekenfonds je als mantelzorger',
        summary:
          'Van een tegemoetkoming voor oppas tot advies van een maatschappelijk werker: dit doet je ziekenfonds voor mantelzorgers.',
        content:
          '<p>Van een tegemoetkoming voor oppas tot advies van een maatschappelijk werker.</p>',
        days: -6,
      },
      {
        guid: 'https://www.cm.be/nieuws/hulpmiddelen-lenen',
        path: '/nieuws/hulpmiddelen-lenen',
        title: 'Hulpmiddelen lenen in plaats van kopen',
        summary:
          'Een rolstoel, een douchestoel of een hoog-laagbed heb je soms maar even nodig. In de uitleendienst van je ziekenfonds leen je ze.',
        content:
          '<p>Een rolstoel, een douchestoel of een hoog-laagbed heb je soms maar even nodig.</p>',
        days: -18,
      },
    ],
  },
];

/** What differs per demo municipality: its premium, its café, its website. */
interface DemoHub {
  name: string;
  premium: string;
  cafe: string;
  cafeStart: string;
  website: string;
}

const HUBS: Record<string, DemoHub> = {
  poperinge: {
    name: 'Poperinge',
    premium: '25 euro per maand',
    cafe: 'Mantelzorgcafé De Kouter',
    cafeStart: 'dinsdag 6 januari',
    website: 'https://www.poperinge.be',
  },
  ieper: {
    name: 'Ieper',
    premium: '240 euro per jaar',
    cafe: 'Mantelzorgcafé Ieper',
    cafeStart: 'donderdag 8 januari',
    website: 'https://www.ieper.be',
  },
  veurne: {
    name: 'Veurne',
    premium: '20 euro per maand',
    cafe: 'Mantelzorgcafé De Pastorie',
    cafeStart: 'woensdag 14 januari',
    website: 'https://www.veurne.be',
  },
  gent: {
    name: 'Gent',
    premium: '300 euro per jaar',
    cafe: 'Mantelzorgcafé Ledeberg',
    cafeStart: 'dinsdag 13 januari',
    website: 'https://stad.gent',
  },
};

const hubOf = (slug: string): DemoHub =>
  HUBS[slug] ?? {
    name: slug.charAt(0).toUpperCase() + slug.slice(1),
    premium: '20 euro per maand',
    cafe: 'het Mantelzorgcafé',
    cafeStart: 'de eerste dinsdag van januari',
    website: `https://www.${slug}.be`,
  };

/** A municipality's own articles: its premium (local rules), its café's new season (pinned), an info session. */
export function demoLocalArticles(tenantSlug: string): DemoArticle[] {
  const hub = hubOf(tenantSlug);
  return [
    {
      slug: 'nieuw-seizoen-mantelzorgcafe',
      title: `Het nieuwe seizoen van ${hub.cafe} begint`,
      summary: `Op ${hub.cafeStart} start het nieuwe seizoen van ${hub.cafe}. Iedereen die voor iemand zorgt, is welkom. Koffie staat klaar.`,
      days: -2,
      pinned: true,
      body: `Op **${hub.cafeStart}** start het nieuwe seizoen van ${hub.cafe}.

Elke maand komen mantelzorgers samen om te praten, te luisteren en ervaringen te delen. Soms komt er een spreker, bijvoorbeeld over respijtzorg of over de mantelzorgpremie.

- Je hoeft niets voor te bereiden.
- Je mag iemand meebrengen.
- Deelnemen is gratis.

Kijk bij [de cafés](/cafes) voor de data en schrijf je in. Zo weten we hoeveel koffie we moeten zetten.`,
    },
    {
      slug: 'mantelzorgpremie-aanvragen',
      title: `De mantelzorgpremie van ${hub.name}: vraag ze nu aan`,
      summary: `Zorg je thuis voor iemand uit ${hub.name}? Dan krijg je misschien de mantelzorgpremie van de gemeente: ${hub.premium}.`,
      days: -12,
      body: `Zorg je thuis voor iemand die in ${hub.name} woont? Dan kun je de **mantelzorgpremie** van de gemeente krijgen: ${hub.premium}. De voorwaarden verschillen van gemeente tot gemeente. Dit zijn die van ${hub.name}.

## Voorwaarden

- De persoon voor wie je zorgt, woont in ${hub.name}.
- Die persoon heeft veel hulp nodig (bijvoorbeeld een zorgbudget voor zwaar zorgbehoevenden of een erkenning van een handicap).
- Je zorgt er meer dan drie maanden voor.

## Aanvragen

1. Vul het aanvraagformulier in. Je krijgt het in het Sociaal Huis, of je vraagt het aan via de website van de gemeente.
2. Voeg de attesten toe die op het formulier staan.
3. Geef het af in het Sociaal Huis of stuur het op.

Hulp nodig bij het invullen? Kom langs in het Sociaal Huis. We helpen je graag.`,
    },
    {
      slug: 'infomoment-respijtzorg-sociaal-huis',
      title: 'Infomoment over respijtzorg in het Sociaal Huis',
      summary:
        'Wat is dagopvang, kortverblijf of oppas aan huis, en wat kost het? Kom het vragen op het infomoment in het Sociaal Huis.',
      days: -25,
      body: `Wat is dagopvang, kortverblijf of oppas aan huis? Wat kost het, en hoe vraag je het aan?

Een maatschappelijk werker van het Sociaal Huis legt het uit, met voorbeelden uit ${hub.name} en de buurt. Daarna is er tijd voor je vragen.

Inschrijven is niet nodig.`,
    },
  ];
}

/** A municipality's own feed: the news of its website. */
export function demoLocalFeed(tenantSlug: string): DemoFeed {
  const hub = hubOf(tenantSlug);
  return {
    url: `${hub.website}/nieuws/rss`,
    name: `Website ${hub.name}`,
    showFull: false,
    refreshMinutes: 60,
    fetchedHoursAgo: 2,
    items: [
      {
        guid: `${hub.website}/nieuws/openingsuren-sociaal-huis`,
        path: '/nieuws/openingsuren-sociaal-huis',
        title: 'Nieuwe openingsuren van het Sociaal Huis',
        summary: `Vanaf volgende maand is het Sociaal Huis van ${hub.name} ook op dinsdagavond open, tot 19.00 uur.`,
        content: `<p>Vanaf volgende maand is het Sociaal Huis van ${hub.name} ook op dinsdagavond open, tot 19.00 uur.</p>`,
        days: -1,
      },
      {
        guid: `${hub.website}/nieuws/minder-mobielen-centrale`,
        path: '/nieuws/minder-mobielen-centrale',
        title: 'Minder Mobielen Centrale zoekt vrijwillige chauffeurs',
        summary:
          'Rijd je graag met de auto en heb je af en toe tijd? Breng mensen die slecht te been zijn naar de dokter of de winkel.',
        content:
          '<p>Rijd je graag met de auto en heb je af en toe tijd? Breng mensen die slecht te been zijn naar de dokter of de winkel.</p>',
        days: -5,
      },
      {
        guid: `${hub.website}/nieuws/slim-wonen`,
        path: '/nieuws/slim-wonen',
        title: 'Gratis woonadvies: langer thuis wonen',
        summary:
          'Een woonadviseur komt gratis langs en geeft tips om je woning veiliger en comfortabeler te maken.',
        content:
          '<p>Een woonadviseur komt gratis langs en geeft tips om je woning veiliger en comfortabeler te maken.</p>',
        days: -15,
      },
    ],
  };
}
