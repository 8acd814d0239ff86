/**
 * The Wegwijzer's DEMO content for `npm start`: made up, as all demo data. The amounts and rules
 * are plausible for Flanders in 2026 but are not advice; the organisations in the directory do not
 * exist and their contact data is fictitious (e-mail and websites only on `.example` domains).
 * Pages are written in the Markdown subset of the editor (paragraphs, ## / ### headings, bold,
 * italic, lists, links), without HTML. Days are counted from the moment of seeding:
 * `reviewedDaysAgo` lies in the past, `reviewInDays` in the future (negative: the review is overdue).
 */
import type { GuideTheme } from '../common/guide-themes';
import type { OrganisationKind } from '../common/organisation-kinds';

export interface DemoGuidePage {
  /** Lower-case letters, digits and single hyphens, 2–120 characters; unique across the guide. */
  slug: string;
  theme: GuideTheme;
  /** A question or a short title, in plain Dutch. */
  title: string;
  /** One plain sentence, the short answer first (at most 300 characters). */
  answer: string;
  /** The explanation in the Markdown subset, 120–300 words. */
  body: string;
  /** "Laatst nagekeken" this many days before seeding. */
  reviewedDaysAgo: number;
  /** The next review is due this many days after seeding (negative: overdue). */
  reviewInDays: number;
  /** Slugs of 1–4 other pages. */
  related: string[];
}

/** A hub's local addition to a general page (Markdown subset, 1–3 short paragraphs or lists). */
export interface DemoLocalPart {
  pageSlug: string;
  body: string;
}

/** A page only one hub has (its related slugs may point at general or local pages). */
export type DemoLocalPage = DemoGuidePage;

export interface DemoPremium {
  offered: boolean;
  amountCents: number | null;
  period: 'maand' | 'jaar' | null;
  conditions: string;
  howToApply: string;
}

export interface DemoOrganisation {
  name: string;
  kind: OrganisationKind;
  /** One plain sentence. */
  offer: string;
  audience: string;
  address: string;
  postcode: string;
  town: string;
  phone: string;
  email: string;
  website: string;
  openingHours: string;
  cost: string;
  accessibility: string;
}

export interface DemoHubGuide {
  localParts: DemoLocalPart[];
  localPages: DemoLocalPage[];
  premium: DemoPremium | null;
  organisations: DemoOrganisation[];
}

/** The slug of the general page every hub completes with its own mantelzorgpremie. */
export const DEMO_PREMIUM_PAGE_SLUG = 'mantelzorgpremie-van-je-gemeente';

/** General pages: written by the platform's editors, shown on every hub. */
export const DEMO_GENERAL_GUIDE_PAGES: DemoGuidePage[] = [
  {
    slug: 'wat-is-een-mantelzorger',
    theme: 'wat-is-mantelzorg',
    title: 'Ben ik een mantelzorger?',
    answer:
      'Je bent mantelzorger als je vaak en lang zorgt voor iemand die je kent, zoals je partner, ouder, kind, buur of vriend, zonder dat het je beroep is.',
    body: `Veel mensen zorgen voor iemand zonder zichzelf *mantelzorger* te noemen. Je doet boodschappen voor je moeder. Je helpt je partner met wassen en aankleden. Je gaat elke dag langs bij een buurman die slecht ziet. Dat is allemaal mantelzorg.

## Wat hoort bij mantelzorg?

- Hulp in het huishouden: koken, poetsen, de was doen.
- Persoonlijke zorg: wassen, aankleden, eten geven.
- Papieren regelen: brieven lezen, afspraken maken, rekeningen betalen.
- Gezelschap en steun: praten, luisteren, samen wandelen.
- Vervoer: naar de dokter, het ziekenhuis of de winkel.

## Waarom is het belangrijk dat je het weet?

Als je weet dat je mantelzorger bent, vind je makkelijker hulp. Er bestaan premies, verlof en opvang voor mantelzorgers. Er zijn ook groepen waar je andere mantelzorgers ontmoet.

## Wat kun je nu doen?

1. Lees op deze Wegwijzer welke steun er is.
2. Vraag bij je ziekenfonds naar de **erkenning als mantelzorger**.
3. Ga langs bij het Sociaal Huis van je gemeente. Daar helpen ze je gratis verder.

Je hoeft het niet alleen te doen. Hulp vragen is geen teken van zwakte, maar van goed zorgen.`,
    reviewedDaysAgo: 40,
    reviewInDays: 325,
    related: ['erkenning-als-mantelzorger', 'overbelasting-herkennen', 'jonge-mantelzorgers'],
  },
  {
    slug: 'erkenning-als-mantelzorger',
    theme: 'wat-is-mantelzorg',
    title: 'Hoe word ik erkend als mantelzorger?',
    answer:
      'Je vraagt de erkenning als mantelzorger aan bij je eigen ziekenfonds, samen met een verklaring van de persoon voor wie je zorgt.',
    body: `Sinds 2020 kun je je laten **erkennen als mantelzorger**. Die erkenning is gratis. Ze toont dat je zorgt voor iemand die veel hulp nodig heeft.

## Twee soorten erkenning

- De **algemene erkenning**: je zorgt voor iemand met een zorgnood. Je woont dicht genoeg bij die persoon en je hebt een vertrouwensband.
- De **erkenning met sociale rechten**: je zorgt minstens 50 uur per maand of 600 uur per jaar. De persoon heeft een erkende zorgnood. Met deze erkenning kun je mantelzorgverlof aanvragen.

## Hoe vraag je het aan?

1. Vraag het formulier bij je eigen ziekenfonds, aan het loket of online.
2. Laat de persoon voor wie je zorgt een verklaring tekenen. Kan dat niet, dan mag een vertegenwoordiger tekenen.
3. Voor de erkenning met sociale rechten vul je ook in hoeveel uur je zorgt. Soms vraagt het ziekenfonds een bewijs van de zorgnood.
4. Je ziekenfonds laat je weten of je erkend bent.

## Hoe lang geldt het?

De erkenning met sociale rechten geldt één jaar. Daarna vraag je ze opnieuw aan. De algemene erkenning blijft geldig zolang de situatie niet verandert.

## Tip

Vraag de dienst maatschappelijk werk van je ziekenfonds om hulp bij het formulier. Die dienst is gratis.`,
    reviewedDaysAgo: 200,
    reviewInDays: -15,
    related: [
      'zorgverlof-en-thematisch-verlof',
      'wat-is-een-mantelzorger',
      'werk-en-mantelzorg-combineren',
    ],
  },
  {
    slug: 'zorgbudget-voor-zwaar-zorgbehoevenden',
    theme: 'geld-en-premies',
    title: 'Wat is het zorgbudget voor zwaar zorgbehoevenden?',
    answer:
      'Het zorgbudget voor zwaar zorgbehoevenden is ongeveer € 140 per maand van de Vlaamse sociale bescherming, voor wie thuis veel zorg nodig heeft; je vraagt het aan bij de zorgkas.',
    body: `Het **zorgbudget voor zwaar zorgbehoevenden** is een vast bedrag van de Vlaamse sociale bescherming. In 2026 is dat ongeveer **€ 140 per maand**. De persoon die zorg nodig heeft, krijgt het geld. Die kiest zelf waaraan het wordt uitgegeven: thuisverpleging, een oppas, poetshulp of een vergoeding voor jou als mantelzorger.

## Wie heeft er recht op?

- Iemand die al lange tijd veel zorg nodig heeft, thuis of in een woonzorgcentrum.
- Die in Vlaanderen woont, of in Brussel en aangesloten is bij een Vlaamse zorgkas.
- Die elk jaar de bijdrage aan de zorgkas betaalde.

Het inkomen speelt geen rol. Wel moet de zorgnood ernstig genoeg zijn. Dat wordt gemeten met een schaal.

## Hoe vraag je het aan?

1. Neem contact op met de **zorgkas**. Meestal is dat het ziekenfonds van de persoon voor wie je zorgt.
2. Iemand komt op huisbezoek om te bekijken hoeveel zorg er nodig is. Soms volstaat een attest, bijvoorbeeld van de thuisverpleging.
3. Je krijgt een brief met de beslissing. Het geld wordt elke maand gestort.

## Goed om te weten

Er bestaan nog andere zorgbudgetten, zoals het zorgbudget voor ouderen met een zorgnood en het zorgbudget voor mensen met een handicap. Meer uitleg vind je op [de website van de Vlaamse sociale bescherming](https://www.vlaamsesocialebescherming.be).`,
    reviewedDaysAgo: 20,
    reviewInDays: 160,
    related: ['mantelzorgpremie-van-je-gemeente', 'thuisverpleging', 'gezinszorg'],
  },
  {
    slug: 'mantelzorgpremie-van-je-gemeente',
    theme: 'geld-en-premies',
    title: 'Geeft mijn gemeente een mantelzorgpremie?',
    answer:
      'Veel gemeenten geven een mantelzorgpremie, maar het bedrag en de voorwaarden verschillen per gemeente: kijk hieronder wat jouw gemeente geeft.',
    body: `Een **mantelzorgpremie** is een bedrag dat je gemeente geeft als bedankje en steun voor je zorg. Het is geen loon. Je betaalt er geen belastingen op.

## Verschilt het per gemeente?

Ja. Elke gemeente beslist zelf:

- of ze een premie geeft;
- hoeveel de premie is, per maand of per jaar;
- voor wie ze is: soms moet de persoon voor wie je zorgt in de gemeente wonen, soms jij;
- welke bewijzen je moet geven, bijvoorbeeld een attest van het ziekenfonds of van de dokter.

Sommige gemeenten geven geen premie. Ze steunen mantelzorgers dan op een andere manier, bijvoorbeeld met gratis oppas of een mantelzorgcafé.

## Hoe vraag je het aan?

1. Kijk hieronder wat jouw gemeente geeft.
2. Vraag het formulier bij het Sociaal Huis of het OCMW van je gemeente.
3. Voeg de gevraagde bewijzen toe. Vaak is dat een bewijs van de zorgnood, zoals een beslissing over het zorgbudget voor zwaar zorgbehoevenden.
4. Stuur het formulier terug of geef het af aan het loket.

## Goed om te weten

- De premie van de gemeente staat los van het zorgbudget van Vlaanderen. Je kunt vaak allebei krijgen.
- Verandert de situatie, bijvoorbeeld bij een opname in een woonzorgcentrum? Meld het dan aan je gemeente.`,
    reviewedDaysAgo: 15,
    reviewInDays: 170,
    related: ['zorgbudget-voor-zwaar-zorgbehoevenden', 'erkenning-als-mantelzorger'],
  },
  {
    slug: 'zorgverlof-en-thematisch-verlof',
    theme: 'werk-en-mantelzorg',
    title: 'Welk verlof kan ik nemen om te zorgen?',
    answer:
      'Als werknemer kun je zorgverlof of thematisch verlof nemen: palliatief verlof, verlof voor medische bijstand of mantelzorgverlof, met een uitkering van de RVA.',
    body: `Werk je en zorg je voor iemand? Dan heb je recht op verlof. Voor een deel van dat verlof krijg je een **uitkering van de RVA**. Zo verlies je niet al je inkomen.

## Zorgverlof

Je kunt elk jaar een paar dagen **zorgverlof** nemen om dringend te zorgen voor een gezinslid of iemand die bij je woont. Je krijgt voor die dagen geen loon. Vraag het zo snel mogelijk aan je werkgever.

## Thematisch verlof

Thematisch verlof is langer. Je stopt helemaal met werken of je werkt minder, bijvoorbeeld halftijds of vier dagen per week.

- **Palliatief verlof**: voor iemand die ongeneeslijk ziek is. Je krijgt één maand, en je kunt twee keer met één maand verlengen.
- **Verlof voor medische bijstand**: voor een gezinslid dat zwaar ziek is. Je hebt een attest van de dokter nodig.
- **Mantelzorgverlof**: voor iemand die veel zorg nodig heeft. Je hebt daarvoor de **erkenning als mantelzorger met sociale rechten** van je ziekenfonds nodig.

## Hoe vraag je het aan?

1. Laat je werkgever schriftelijk weten dat je verlof wilt. Zeg wanneer en hoe lang.
2. Vraag het attest dat je nodig hebt: van de dokter of van je ziekenfonds.
3. Vraag de uitkering online aan bij de RVA.

Ben je ambtenaar of zelfstandige? Dan gelden andere regels. Kijk op [de website van de RVA](https://www.rva.be) of vraag het aan je personeelsdienst.`,
    reviewedDaysAgo: 30,
    reviewInDays: 150,
    related: ['werk-en-mantelzorg-combineren', 'erkenning-als-mantelzorger', 'rouw-en-afscheid'],
  },
  {
    slug: 'werk-en-mantelzorg-combineren',
    theme: 'werk-en-mantelzorg',
    title: 'Hoe combineer ik werk en mantelzorg?',
    answer:
      'Praat op tijd met je werkgever over je zorg, want vaak is er meer mogelijk dan je denkt: andere uren, thuiswerk of verlof.',
    body: `Veel mantelzorgers werken. Zorg en werk samen zijn zwaar. Je bent vaak moe, je moet snel weg als er iets gebeurt, en je hebt weinig tijd voor jezelf.

## Praat erover

Je hoeft niet alles te vertellen. Maar als je werkgever weet dat je zorgt, kan die beter rekening met je houden. Bereid het gesprek voor:

- Wat heb je nodig? Andere uren, een vaste thuiswerkdag, minder werken?
- Wat kun je zelf voorstellen om je werk goed te regelen?
- Wie kan je werk overnemen als je plots weg moet?

## Wat is er mogelijk?

1. **Flexibele uren of thuiswerk**: vraag of dat kan in jouw job.
2. **Zorgverlof**: een paar dagen per jaar voor dringende zorg.
3. **Thematisch verlof**: een tijd minder werken met een uitkering van de RVA.
4. **Tijdskrediet**: een langere periode minder werken.

## Vraag hulp

- De vakbond of de personeelsdienst kent de regels in jouw sector.
- Het Sociaal Huis van je gemeente zoekt mee naar opvang, zodat je kunt blijven werken.
- Dagopvang of een oppas aan huis kan je op vaste dagen ontlasten.

Zorg ook dat er een plan is voor noodgevallen. Wie belt de dokter? Wie gaat langs als jij niet kunt? Schrijf het op en spreek het af met familie of buren.`,
    reviewedDaysAgo: 90,
    reviewInDays: 270,
    related: [
      'zorgverlof-en-thematisch-verlof',
      'dagopvang-en-dagverzorgingscentrum',
      'oppas-aan-huis',
    ],
  },
  {
    slug: 'dagopvang-en-dagverzorgingscentrum',
    theme: 'respijtzorg-en-opvang',
    title: 'Wat is dagopvang of een dagverzorgingscentrum?',
    answer:
      'In een dagverzorgingscentrum krijgt de persoon voor wie je zorgt overdag zorg en gezelschap, zodat jij op die dagen even rust hebt of kunt werken.',
    body: `Een **dagverzorgingscentrum** is een plek waar ouderen of mensen met een zorgnood overdag naartoe gaan. Ze krijgen er verzorging, eten en gezelschap. 's Avonds gaan ze weer naar huis. Dat heet ook **dagopvang**.

## Wat gebeurt er op een dag?

- Er is een warme maaltijd en koffie.
- Verpleging of verzorgenden helpen met medicatie, wassen of naar het toilet gaan.
- Er zijn activiteiten: bewegen, spelletjes, muziek, een wandeling.
- Er is rust: wie moe is, kan even liggen.

Sommige centra hebben een aparte werking voor mensen met **dementie**.

## Wat kost het?

Je betaalt een dagprijs. Die verschilt per centrum. Vaak komt er een bedrag bij voor vervoer. Soms betaalt het ziekenfonds een deel terug. Vraag het na bij het centrum en bij je ziekenfonds.

## Hoe begin je?

1. Zoek een centrum in de buurt in het overzicht *Hulp in de buurt*.
2. Bel en vraag een kennismaking. Ga samen eens kijken.
3. Start met één dag per week. Bouw langzaam op.

## Tip

De eerste keren zijn vaak moeilijk, voor jou en voor de persoon voor wie je zorgt. Dat is normaal. Geef het een paar weken. Veel mensen vinden er na een tijd plezier en nieuwe contacten.`,
    reviewedDaysAgo: 60,
    reviewInDays: 300,
    related: ['kortverblijf', 'oppas-aan-huis', 'overbelasting-herkennen'],
  },
  {
    slug: 'kortverblijf',
    theme: 'respijtzorg-en-opvang',
    title: 'Wat is kortverblijf?',
    answer:
      'Bij kortverblijf logeert de persoon voor wie je zorgt een paar dagen tot enkele weken in een woonzorgcentrum, zodat jij op vakantie kunt of even kunt rusten.',
    body: `Soms heb je een langere pauze nodig. Je wilt op vakantie, je moet zelf naar het ziekenhuis of je bent gewoon op. Dan kan **kortverblijf** helpen.

## Hoe werkt het?

De persoon voor wie je zorgt, logeert tijdelijk in een centrum voor kortverblijf. Dat is meestal een deel van een woonzorgcentrum. Er is zorg dag en nacht. Na het verblijf gaat de persoon weer naar huis.

- Een verblijf duurt meestal een paar dagen tot enkele weken.
- Per jaar kun je een beperkt aantal dagen kortverblijf gebruiken.
- Je kunt het op voorhand plannen, bijvoorbeeld voor een vakantie.
- In een noodgeval is er soms snel plaats, maar niet altijd.

## Wat kost het?

Je betaalt een prijs per dag, zoals in een woonzorgcentrum. Die is vaak iets lager. Medicatie en sommige zorg betaal je apart. Het ziekenfonds kan een deel terugbetalen. Ook het zorgbudget voor zwaar zorgbehoevenden kun je hiervoor gebruiken.

## Hoe begin je?

1. Plan op tijd. Voor de zomer en de feestdagen is het snel volzet.
2. Bel het centrum en vraag naar een vrije plaats.
3. Neem een lijst mee met medicatie, gewoontes en wat de persoon graag doet.

Kortverblijf is ook een goede manier om een woonzorgcentrum te leren kennen, voor later.`,
    reviewedDaysAgo: 120,
    reviewInDays: 240,
    related: [
      'dagopvang-en-dagverzorgingscentrum',
      'oppas-aan-huis',
      'zorgbudget-voor-zwaar-zorgbehoevenden',
    ],
  },
  {
    slug: 'oppas-aan-huis',
    theme: 'respijtzorg-en-opvang',
    title: 'Kan iemand thuis komen oppassen?',
    answer:
      "Ja, een oppasdienst stuurt een vrijwilliger of oppas naar je huis, overdag of 's nachts, zodat jij even weg kunt of kunt slapen.",
    body: `Soms kan de persoon voor wie je zorgt niet alleen blijven. Toch moet jij eens weg: naar de dokter, naar de winkel of naar een feest. Een **oppas aan huis** kan dan helpen.

## Wat doet een oppas?

- Hij of zij blijft bij de persoon voor wie je zorgt.
- Hij of zij praat, leest voor, doet een spelletje of maakt koffie.
- Hij of zij let op en belt jou of de dokter als er iets is.

Een oppas doet **geen verpleging**. Wassen of medicatie geven doet de thuisverpleging of de gezinszorg.

## Welke oppas is er?

1. **Oppas overdag**: een paar uur, bijvoorbeeld één namiddag per week.
2. **Nachtoppas**: iemand waakt 's nachts, zodat jij kunt slapen.
3. **Oppas bij dementie**: vrijwilligers met een extra opleiding.

Veel oppasdiensten werken met vrijwilligers. Ze horen bij een ziekenfonds, een gemeente of een vereniging.

## Wat kost het?

Je betaalt een klein bedrag per uur. Leden van een ziekenfonds betalen vaak minder. Soms is een aantal uren per jaar gratis.

## Hoe begin je?

1. Zoek een oppasdienst in het overzicht *Hulp in de buurt*.
2. Vraag een kennismaking. Iemand van de dienst komt langs.
3. Vraag de oppas ruim op tijd aan. Een week vooraf is goed.`,
    reviewedDaysAgo: 45,
    reviewInDays: 320,
    related: ['dagopvang-en-dagverzorgingscentrum', 'kortverblijf', 'expertisecentrum-dementie'],
  },
  {
    slug: 'thuisverpleging',
    theme: 'zorg-thuis',
    title: 'Hoe regel ik thuisverpleging?',
    answer:
      'Thuisverpleging regel je met een voorschrift van de dokter: een verpleegkundige komt dan aan huis voor wassen, wondzorg, inspuitingen of medicatie.',
    body: `Een **thuisverpleegkundige** komt bij de persoon voor wie je zorgt thuis. Zo kan die langer thuis blijven wonen. En jij hoeft niet alle zorg zelf te doen.

## Wat doet een thuisverpleegkundige?

- Helpen bij wassen en aankleden.
- Wonden verzorgen.
- Inspuitingen geven, bijvoorbeeld insuline.
- Medicatie klaarzetten en opvolgen.
- Letten op signalen: eet de persoon goed, is er pijn, gaat het slechter?

## Wat heb je nodig?

Voor de meeste zorg heb je een **voorschrift van de huisarts** nodig. Voor hulp bij wassen is soms geen voorschrift nodig. De verpleegkundige zegt je wat er nodig is.

## Wat kost het?

Het ziekenfonds betaalt het grootste deel terug. Vaak betaal je zelf niets of bijna niets. Werkt de verpleegkundige met het ziekenfonds samen (*geconventioneerd*), dan zijn de prijzen vast. Vraag het na bij de eerste afspraak.

## Hoe begin je?

1. Vraag de huisarts om een voorschrift.
2. Kies een dienst of een zelfstandige verpleegkundige in de buurt. Je vindt er in het overzicht *Hulp in de buurt*.
3. Bel en spreek een eerste bezoek af. Samen maken jullie een plan: hoe vaak en op welk uur.

## Tip

Leg een schriftje op een vaste plek. Daarin schrijven de verpleegkundige, de gezinszorg en jij wat er gebeurd is. Zo weet iedereen wat er speelt.`,
    reviewedDaysAgo: 75,
    reviewInDays: 290,
    related: [
      'gezinszorg',
      'zorgbudget-voor-zwaar-zorgbehoevenden',
      'hulpmiddelen-en-woningaanpassing',
    ],
  },
  {
    slug: 'gezinszorg',
    theme: 'zorg-thuis',
    title: 'Wat doet gezinszorg?',
    answer:
      'Gezinszorg helpt thuis met persoonlijke zorg en het huishouden, zoals wassen, koken en boodschappen, en je betaalt volgens je inkomen.',
    body: `Een **verzorgende van de gezinszorg** komt een paar uur per week bij je thuis. Die helpt de persoon voor wie je zorgt met dagelijkse dingen. Zo neemt de gezinszorg een deel van je zorg over.

## Wat doet gezinszorg?

- Persoonlijke zorg: wassen, aankleden, helpen bij het eten.
- Huishouden: koken, de was doen, licht poetsen.
- Boodschappen doen of mee naar de dokter gaan.
- Een luisterend oor bieden en mee zoeken naar andere hulp.

Gezinszorg is iets anders dan **poetshulp**. Een poetshulp poetst alleen. Poetshulp betaal je vaak met dienstencheques.

## Wat kost het?

Je betaalt een bedrag per uur. Dat hangt af van je **inkomen** en van de grootte van je gezin. Hoe lager het inkomen, hoe lager de prijs. Vlaanderen betaalt de rest.

## Hoe vraag je het aan?

1. Bel een dienst voor gezinszorg. Je vindt er een in het overzicht *Hulp in de buurt*. Ook het Sociaal Huis of je ziekenfonds helpt je verder.
2. Een maatschappelijk werker komt op huisbezoek. Samen bekijk je welke hulp nodig is.
3. De dienst maakt een plan: welke dagen en hoeveel uur.

## Goed om te weten

Er zijn soms wachtlijsten. Vraag de hulp dus op tijd aan, liefst voor het te zwaar wordt. Meer uitleg vind je op [vlaanderen.be](https://www.vlaanderen.be).`,
    reviewedDaysAgo: 110,
    reviewInDays: 250,
    related: ['thuisverpleging', 'oppas-aan-huis', 'zorgbudget-voor-zwaar-zorgbehoevenden'],
  },
  {
    slug: 'expertisecentrum-dementie',
    theme: 'zorg-thuis',
    title: 'Waar vind ik hulp als iemand dementie heeft?',
    answer:
      'Het regionaal expertisecentrum dementie geeft gratis informatie, advies en vorming aan mantelzorgers van iemand met dementie.',
    body: `Zorgen voor iemand met **dementie** is zwaar. De persoon verandert. Hij of zij vergeet dingen, herkent je soms niet of wordt boos of angstig. Je hoeft dat niet alleen uit te zoeken.

## Wat doet een expertisecentrum dementie?

Vlaanderen heeft verschillende **regionale expertisecentra dementie**. Zij helpen mantelzorgers, families en zorgverleners.

- Ze geven uitleg over dementie en over wat je kunt verwachten.
- Ze geven advies bij moeilijk gedrag, zoals onrust of achterdocht.
- Ze organiseren vormingen, bijvoorbeeld een reeks over omgaan met dementie.
- Ze kennen de hulp in de regio: dagopvang, oppas en kortverblijf met aandacht voor dementie.

De hulp van het expertisecentrum is meestal **gratis**.

## Wat kun je zelf doen?

1. Praat met de huisarts. Een diagnose helpt om de juiste hulp te vinden.
2. Neem contact op met het expertisecentrum in je regio. Je vindt het in het overzicht *Hulp in de buurt*.
3. Ga naar een praatcafé dementie. Daar ontmoet je andere families.
4. Regel op tijd belangrijke zaken, zoals een volmacht of een bewindvoerder, nu de persoon nog kan meebeslissen.

## Meer weten?

Op [dementie.be](https://www.dementie.be) vind je veel uitleg en tips. Je vindt er ook de expertisecentra en praatcafés in heel Vlaanderen.`,
    reviewedDaysAgo: 25,
    reviewInDays: 340,
    related: ['lotgenotengroepen', 'oppas-aan-huis', 'dagopvang-en-dagverzorgingscentrum'],
  },
  {
    slug: 'lotgenotengroepen',
    theme: 'zorgen-voor-jezelf',
    title: 'Waar ontmoet ik andere mantelzorgers?',
    answer:
      'In een lotgenotengroep of mantelzorgcafé praat je met andere mantelzorgers die begrijpen wat je meemaakt.',
    body: `Mantelzorg kan eenzaam zijn. Je vrienden zie je minder. Niet iedereen begrijpt hoe zwaar het soms is. Andere mantelzorgers begrijpen dat wel.

## Wat is een lotgenotengroep?

In een **lotgenotengroep** komen mensen samen die iets gelijks meemaken. Bijvoorbeeld zorgen voor een partner met dementie, voor een kind met een beperking of voor iemand met kanker. Een begeleider leidt het gesprek.

- Je vertelt je verhaal, als je wilt.
- Je hoort hoe anderen het doen.
- Je krijgt tips over hulp in de buurt.
- Je lacht soms ook samen. Dat doet deugd.

## Wat is een mantelzorgcafé?

Een **mantelzorgcafé** is een open ontmoeting voor alle mantelzorgers. Er is koffie en vaak een spreker over een thema, zoals de mantelzorgpremie, respijtzorg of zorgen voor jezelf. Je hoeft je meestal niet in te schrijven.

## Hoe begin je?

1. Kijk in het overzicht *Hulp in de buurt* bij lotgenotengroepen en mantelzorgverenigingen.
2. Kijk op de kalender van je hub wanneer het volgende mantelzorgcafé is.
3. Neem iemand mee als je het spannend vindt.

Kun je niet weg van huis? Vraag dan een oppas voor die avond. Of zoek een groep die ook online samenkomt.`,
    reviewedDaysAgo: 50,
    reviewInDays: 310,
    related: ['overbelasting-herkennen', 'expertisecentrum-dementie', 'oppas-aan-huis'],
  },
  {
    slug: 'overbelasting-herkennen',
    theme: 'zorgen-voor-jezelf',
    title: 'Hoe weet ik of de zorg te zwaar wordt?',
    answer:
      'De zorg wordt te zwaar als je vaak moe, prikkelbaar of somber bent en geen tijd meer hebt voor jezelf; vraag dan op tijd hulp.',
    body: `Zorgen voor iemand geeft vaak voldoening. Maar het kost ook veel energie. Veel mantelzorgers merken pas laat dat ze over hun grens gaan. Meer dan de helft van de mantelzorgers in een onderzoek in de Westhoek was al eens depressief.

## Signalen van overbelasting

- Je bent altijd moe, ook na een nacht slapen.
- Je slaapt slecht of piekert veel.
- Je bent snel boos of huilt vaak.
- Je ziet je vrienden niet meer en doet niets meer voor jezelf.
- Je hebt last van hoofdpijn, rugpijn of je maag.
- Je voelt je schuldig als je even niet zorgt.

Herken je een paar van deze signalen? Neem ze dan ernstig.

## Zorgen voor jezelf

1. **Praat erover**: met je huisarts, een vriend of andere mantelzorgers.
2. **Plan pauzes**: een vaste namiddag voor jezelf, met een oppas of dagopvang.
3. **Verdeel de zorg**: maak een lijst van taken. Vraag familie of buren om er een paar over te nemen.
4. **Zeg ook eens nee**: je hoeft niet alles te doen.
5. **Beweeg en slaap**: een korte wandeling helpt al.

## Waar vind je hulp?

- Je **huisarts** kan met je praten en je doorverwijzen.
- De **dienst maatschappelijk werk** van je ziekenfonds zoekt mee naar hulp.
- Het **Sociaal Huis** van je gemeente kent de hulp in de buurt.

Zit je er echt door? Bel dan de Zelfmoordlijn op 1813. Je mag altijd bellen, dag en nacht.`,
    reviewedDaysAgo: 10,
    reviewInDays: 355,
    related: ['lotgenotengroepen', 'dagopvang-en-dagverzorgingscentrum', 'wat-is-een-mantelzorger'],
  },
  {
    slug: 'rouw-en-afscheid',
    theme: 'rouw-en-afscheid',
    title: 'Hoe ga ik om met afscheid en rouw?',
    answer:
      'Rouw is normaal en begint vaak al voor het overlijden; praat erover en zoek steun bij familie, je huisarts of een rouwgroep.',
    body: `Als mantelzorger neem je vaak al afscheid voor iemand overlijdt. De persoon verandert, wordt zieker of herkent je niet meer. Dat verdriet heet soms *rouw bij leven*. Het is normaal.

## Na het overlijden

Na een overlijden valt je zorg plots weg. Je dagen zijn leeg. Je bent verdrietig, maar soms ook opgelucht. Ook dat is normaal. Iedereen rouwt op zijn eigen manier en in zijn eigen tempo.

- Neem de tijd. Rouw gaat niet in een paar weken over.
- Praat over de persoon. Vertel verhalen, bekijk foto's.
- Zorg voor jezelf: eet, slaap en beweeg.
- Laat anderen helpen met praktische zaken.

## Praktische zaken

1. De dokter stelt het overlijden vast. De begrafenisondernemer helpt met de aangifte bij de gemeente.
2. Laat het ziekenfonds, de bank en de zorgkas weten dat de persoon overleden is. Het zorgbudget en de mantelzorgpremie stoppen dan.
3. Heb je thematisch verlof? Laat het je werkgever en de RVA weten.

## Waar vind je steun?

- Je **huisarts** luistert en kan je doorverwijzen naar een psycholoog.
- Een **rouwgroep** brengt mensen samen die iemand verloren. Kijk in het overzicht *Hulp in de buurt* bij lotgenotengroepen.
- Het **netwerk palliatieve zorg** in je regio biedt vaak ook nazorg aan families.

Blijft het verdriet heel zwaar, ook na maanden? Vraag dan hulp. Je hoeft het niet alleen te dragen.`,
    reviewedDaysAgo: 80,
    reviewInDays: 280,
    related: ['palliatieve-zorg-thuis', 'lotgenotengroepen', 'overbelasting-herkennen'],
  },
  {
    slug: 'palliatieve-zorg-thuis',
    theme: 'rouw-en-afscheid',
    title: 'Kan iemand thuis sterven met goede zorg?',
    answer:
      'Ja, met de hulp van de huisarts, de thuisverpleging en het netwerk palliatieve zorg kan iemand die ongeneeslijk ziek is vaak thuis verzorgd worden tot het einde.',
    body: `Veel mensen willen thuis sterven, in hun eigen omgeving. Dat kan vaak, als er goede zorg is. Als mantelzorger sta je daar niet alleen voor.

## Wie helpt?

- De **huisarts** volgt de zorg op en helpt bij pijn en andere klachten.
- De **thuisverpleging** komt dagelijks of vaker langs.
- Het **netwerk palliatieve zorg** heeft een team dat thuis komt adviseren. Dat team is gratis.
- Vrijwilligers kunnen waken, zodat jij kunt slapen.

## Geld en verlof

1. Vraag de huisarts naar het **palliatief forfait**. Dat is een bedrag van het ziekenfonds om kosten van thuiszorg te betalen.
2. Werk je? Dan kun je **palliatief verlof** nemen. Je krijgt een uitkering van de RVA.
3. Sommige zorg en materiaal worden extra terugbetaald. Vraag het na bij je ziekenfonds.

## Vroegtijdige zorgplanning

Praat op tijd over wat de persoon wil. Wil die nog naar het ziekenhuis? Welke behandeling wil die niet meer? Waar wil die sterven? Schrijf het op en geef een kopie aan de huisarts. Zo hoef jij later niet alleen te beslissen.

## Zorg ook voor jezelf

Deze periode is intens. Aanvaard hulp van familie en vrienden. Vraag het palliatief team ook hoe het met jou gaat. Na het overlijden biedt het netwerk vaak nazorg aan.`,
    reviewedDaysAgo: 35,
    reviewInDays: 330,
    related: ['rouw-en-afscheid', 'zorgverlof-en-thematisch-verlof', 'thuisverpleging'],
  },
  {
    slug: 'jonge-mantelzorgers',
    theme: 'jonge-mantelzorgers',
    title: 'Ik ben jong en ik zorg voor iemand thuis. Is dat normaal?',
    answer:
      'Je bent een jonge mantelzorger als je als kind, tiener of jongvolwassene thuis zorgt voor een ziek gezinslid, en er is hulp speciaal voor jou.',
    body: `Misschien is je mama ziek. Of je broer heeft een beperking. Of je papa drinkt te veel. Dan help je thuis meer dan andere jongeren. Je kookt, je past op je kleine zus, je troost, je houdt in het oog of alles goed gaat. Dan ben je een **jonge mantelzorger**.

## Het is oké om het lastig te vinden

Zorgen kan je trots maken. Maar het kan ook zwaar zijn.

- Je hebt weinig tijd voor school, hobby's of vrienden.
- Je bent moe of maakt je veel zorgen.
- Je durft niet te vertellen wat er thuis gebeurt.

Wat je voelt, is normaal. Je bent niet de enige. In elke klas zit wel iemand die thuis zorgt.

## Wat kun je doen?

1. **Praat met iemand die je vertrouwt**: een leerkracht, het CLB, een vriend of een familielid.
2. **Vraag op school of er rekening mee kan worden gehouden**, bijvoorbeeld bij toetsen of huiswerk.
3. **Ontmoet andere jonge mantelzorgers**: sommige organisaties hebben groepen en uitstappen voor jongeren.
4. **Doe ook dingen voor jezelf**: sport, muziek, afspreken met vrienden. Dat mag.

## Voor ouders en volwassenen

Zorgt een kind of jongere in jouw gezin mee? Praat erover. Zoek hulp van buitenaf, zodat het kind ook kind kan zijn. Het Sociaal Huis of het ziekenfonds helpt je zoeken.

Wil je anoniem praten? Bel of chat met **Awel** op 102. Dat is gratis.`,
    reviewedDaysAgo: 65,
    reviewInDays: 300,
    related: ['wat-is-een-mantelzorger', 'overbelasting-herkennen', 'lotgenotengroepen'],
  },
  {
    slug: 'hulpmiddelen-en-woningaanpassing',
    theme: 'wonen-en-hulpmiddelen',
    title: 'Welke hulpmiddelen en aanpassingen in huis helpen?',
    answer:
      'Hulpmiddelen zoals een rolstoel, een hoog-laagbed of een traplift en aanpassingen zoals een inloopdouche maken de zorg thuis veiliger en lichter, en vaak krijg je een tegemoetkoming.',
    body: `Met de juiste **hulpmiddelen** wordt zorgen lichter. De persoon voor wie je zorgt, blijft zelfstandiger. En jij belast je rug minder.

## Voorbeelden

- Een **hoog-laagbed** of een tillift, om veilig te verzorgen.
- Een **rollator** of **rolstoel**.
- Handgrepen in de badkamer en een douchestoel.
- Een **personenalarm**: met een knop roept de persoon hulp in.
- Een traplift of een slaapkamer op de benedenverdieping.

## Lenen of kopen?

Je hoeft niet alles meteen te kopen. Veel ziekenfondsen hebben een **uitleendienst**. Je huurt er een bed of rolstoel voor een klein bedrag per maand. Dat is handig als je niet weet hoe lang je het nodig hebt.

## Steun voor aanpassingen

1. Vraag advies aan een **ergotherapeut**. Die kijkt wat nodig is en hoe je het veilig doet. Het ziekenfonds of een thuiszorgdienst kan er een sturen.
2. Kijk welke tegemoetkoming je kunt krijgen. Voor mensen met een handicap of een ernstige zorgnood zijn er tegemoetkomingen van de Vlaamse sociale bescherming.
3. Voor aanpassingen aan de woning bestaan ook premies en leningen van Vlaanderen. Vraag het na bij het woonloket van je gemeente.
4. Vraag eerst een offerte en keur ze pas goed als je weet welke premie je krijgt.

## Meer weten?

Kijk op [vlaanderen.be](https://www.vlaanderen.be) bij wonen en premies, en op [de website van de Vlaamse sociale bescherming](https://www.vlaamsesocialebescherming.be).`,
    reviewedDaysAgo: 400,
    reviewInDays: -40,
    related: ['thuisverpleging', 'gezinszorg', 'zorgbudget-voor-zwaar-zorgbehoevenden'],
  },
];

const POPERINGE: DemoHubGuide = {
  premium: {
    offered: true,
    amountCents: 2500,
    period: 'maand',
    conditions:
      'Je zorgt thuis voor iemand die in Poperinge woont en een erkende zorgnood heeft, bijvoorbeeld een beslissing over het zorgbudget voor zwaar zorgbehoevenden. Per persoon die zorg krijgt, is er één premie. Bij een opname van meer dan 60 dagen in een ziekenhuis of woonzorgcentrum stopt de premie.',
    howToApply:
      'Vraag het aanvraagformulier aan het onthaal van het Sociaal Huis Poperinge of via de dienst Welzijn. Voeg een bewijs van de zorgnood toe. De premie wordt elk kwartaal gestort.',
  },
  localParts: [
    {
      pageSlug: 'mantelzorgpremie-van-je-gemeente',
      body: `**In Poperinge** krijg je een mantelzorgpremie van **€ 25 per maand** als je thuis zorgt voor iemand met een erkende zorgnood die in Poperinge woont.

Je vraagt de premie aan bij het **Sociaal Huis Poperinge**. Neem een bewijs van de zorgnood mee, zoals de beslissing over het zorgbudget voor zwaar zorgbehoevenden. De premie wordt elk kwartaal gestort.`,
    },
    {
      pageSlug: 'dagopvang-en-dagverzorgingscentrum',
      body: `In Poperinge kun je terecht in **Dagverzorgingscentrum De Linde**, van maandag tot vrijdag. Er is een aparte groep voor mensen met dementie.

Vervoer nodig? De **Minder Mobielen Centrale Poperinge** rijdt je tegen een kleine vergoeding.`,
    },
    {
      pageSlug: 'kortverblijf',
      body: `**Kortverblijf Hopland** heeft zes kamers voor kortverblijf. Bel minstens een maand op voorhand voor een verblijf in de zomer.`,
    },
    {
      pageSlug: 'oppas-aan-huis',
      body: `De **Oppasdienst Westhoek Thuis** stuurt vrijwilligers voor oppas overdag en 's nachts in Poperinge, Watou, Proven en de andere deelgemeenten.

Leden van een ziekenfonds krijgen korting. Vraag het Sociaal Huis Poperinge of je recht hebt op gratis oppasuren.`,
    },
    {
      pageSlug: 'lotgenotengroepen',
      body: `Elke eerste dinsdag van de maand is er een **mantelzorgcafé** in **Lokaal Dienstencentrum De Hommelbelle**.

- Koffie en een spreker over een thema dat mantelzorgers aanbelangt.
- Je mag gewoon binnenlopen, inschrijven hoeft niet.`,
    },
    {
      pageSlug: 'expertisecentrum-dementie',
      body: `Voor de Westhoek is er het **Regionaal Expertisecentrum Dementie Westhoek**. Het geeft gratis advies aan huis en organiseert een praatcafé dementie in Poperinge.`,
    },
  ],
  localPages: [
    {
      slug: 'sociaal-huis-poperinge',
      theme: 'wat-is-mantelzorg',
      title: 'Waar vind ik het Sociaal Huis van Poperinge?',
      answer:
        'Het Sociaal Huis Poperinge ligt in de Deken De Bolaan 10 en helpt je gratis met vragen over zorg, premies en hulp in de buurt.',
      body: `Het **Sociaal Huis Poperinge** is de plek voor al je vragen over welzijn en zorg. Je hoeft niet te weten welke dienst je nodig hebt. Het onthaal zoekt met je mee.

## Waarvoor kun je er terecht?

- De mantelzorgpremie van Poperinge aanvragen.
- Hulp bij het aanvragen van het zorgbudget of de erkenning als mantelzorger.
- Informatie over gezinszorg, oppas, dagopvang en kortverblijf in de buurt.
- Een gesprek met een maatschappelijk werker als de zorg zwaar wordt.

## Hoe geraak je er?

Het Sociaal Huis ligt in de **Deken De Bolaan 10**, vlak bij de Grote Markt. Er is een parking voor mensen met een beperking en de ingang is zonder trappen.

## Wanneer is het open?

1. Van maandag tot vrijdag van 9.00 tot 12.00 uur, zonder afspraak.
2. Op dinsdag en donderdag ook van 13.30 tot 17.00 uur, op afspraak.
3. Kun je niet zelf komen? Een maatschappelijk werker komt op huisbezoek.

Bel op voorhand als je een afspraak wilt. Zo hoef je niet te wachten.`,
      reviewedDaysAgo: 30,
      reviewInDays: 150,
      related: ['mantelzorgpremie-van-je-gemeente', 'erkenning-als-mantelzorger'],
    },
  ],
  organisations: [
    {
      name: 'Sociaal Huis Poperinge',
      kind: 'sociaal-huis',
      offer: 'Het Sociaal Huis helpt je met premies, aanvragen en hulp in de buurt.',
      audience: 'Alle inwoners van Poperinge en hun mantelzorgers',
      address: 'Deken De Bolaan 10',
      postcode: '8970',
      town: 'Poperinge',
      phone: '057 33 44 55',
      email: 'sociaalhuis@poperinge-welzijn.example',
      website: 'https://www.poperinge-welzijn.example',
      openingHours:
        'Maandag tot vrijdag 9.00–12.00 uur, dinsdag en donderdag ook 13.30–17.00 uur op afspraak',
      cost: 'Gratis',
      accessibility:
        'Ingang zonder trappen, lift, aangepast toilet, parkeerplaats voor mensen met een beperking',
    },
    {
      name: 'Dagverzorgingscentrum De Linde',
      kind: 'dagopvang',
      offer:
        'De Linde biedt overdag zorg, een warme maaltijd en activiteiten, ook voor mensen met dementie.',
      audience: 'Ouderen en volwassenen met een zorgnood die thuis wonen',
      address: 'Boeschepestraat 42',
      postcode: '8970',
      town: 'Poperinge',
      phone: '057 33 12 40',
      email: 'info@delinde-poperinge.example',
      website: 'https://www.delinde-poperinge.example',
      openingHours: 'Maandag tot vrijdag 8.30–17.00 uur',
      cost: 'Ongeveer € 30 per dag, vervoer apart',
      accessibility: 'Volledig gelijkvloers, aangepaste toiletten en douche',
    },
    {
      name: 'Kortverblijf Hopland',
      kind: 'kortverblijf',
      offer:
        'Hopland heeft zes kamers waar iemand een paar dagen tot enkele weken kan logeren met zorg dag en nacht.',
      audience: 'Ouderen met een zorgnood van wie de mantelzorger even rust nodig heeft',
      address: 'Ieperstraat 115',
      postcode: '8970',
      town: 'Poperinge',
      phone: '057 33 56 78',
      email: 'kortverblijf@hopland.example',
      website: 'https://www.hopland.example',
      openingHours: 'Opname op afspraak, bereikbaar op weekdagen 9.00–16.00 uur',
      cost: 'Ongeveer € 65 per dag, medicatie apart',
      accessibility: 'Lift, aangepaste kamers en badkamers',
    },
    {
      name: 'Oppasdienst Westhoek Thuis',
      kind: 'oppasdienst',
      offer:
        "Vrijwilligers passen overdag of 's nachts op thuis, zodat jij even weg kunt of kunt slapen.",
      audience: 'Mantelzorgers in Poperinge en de deelgemeenten',
      address: 'Gasthuisstraat 7',
      postcode: '8970',
      town: 'Poperinge',
      phone: '057 30 20 10',
      email: 'oppas@westhoekthuis.example',
      website: 'https://www.westhoekthuis.example',
      openingHours: 'Aanvragen op weekdagen 9.00–12.00 uur',
      cost: 'Ongeveer € 3 per uur, korting voor leden van een ziekenfonds',
      accessibility: 'De oppas komt bij je thuis',
    },
    {
      name: 'Thuiszorg Het Klaverblad',
      kind: 'thuiszorg',
      offer:
        'Het Klaverblad stuurt verzorgenden en thuisverpleegkundigen aan huis voor zorg en hulp in het huishouden.',
      audience: 'Mensen die thuis zorg nodig hebben en hun gezin',
      address: 'Bruggestraat 23',
      postcode: '8970',
      town: 'Poperinge',
      phone: '057 33 90 90',
      email: 'info@klaverblad-thuiszorg.example',
      website: 'https://www.klaverblad-thuiszorg.example',
      openingHours: 'Zorg 7 dagen op 7, kantoor op weekdagen 8.30–16.30 uur',
      cost: 'Gezinszorg volgens inkomen, thuisverpleging meestal terugbetaald',
      accessibility: 'De zorg komt bij je thuis, kantoor gelijkvloers',
    },
    {
      name: 'Minder Mobielen Centrale Poperinge',
      kind: 'vervoer',
      offer: 'Vrijwillige chauffeurs rijden je naar de dokter, het ziekenhuis of de dagopvang.',
      audience: 'Inwoners die moeilijk met het openbaar vervoer kunnen reizen',
      address: 'Komvest 3',
      postcode: '8970',
      town: 'Poperinge',
      phone: '057 33 21 21',
      email: 'vervoer@mmc-poperinge.example',
      website: 'https://www.mmc-poperinge.example',
      openingHours: 'Ritten aanvragen op weekdagen 9.00–11.30 uur, twee dagen op voorhand',
      cost: 'Jaarlijks lidgeld en een vergoeding per kilometer',
      accessibility: 'Hulp bij in- en uitstappen, plaats voor een plooibare rolstoel',
    },
    {
      name: 'Lokaal Dienstencentrum De Hommelbelle',
      kind: 'dienstencentrum',
      offer:
        'De Hommelbelle biedt ontmoeting, maaltijden, activiteiten en elke maand een mantelzorgcafé.',
      audience: 'Ouderen, mantelzorgers en alle buurtbewoners',
      address: 'Grote Markt 14',
      postcode: '8970',
      town: 'Poperinge',
      phone: '057 33 70 00',
      email: 'dienstencentrum@hommelbelle.example',
      website: 'https://www.hommelbelle.example',
      openingHours: 'Maandag tot vrijdag 9.00–17.00 uur',
      cost: 'Gratis binnenlopen, maaltijden en activiteiten tegen een kleine prijs',
      accessibility: 'Gelijkvloers, ringleiding in de zaal, aangepast toilet',
    },
    {
      name: 'Regionaal Expertisecentrum Dementie Westhoek',
      kind: 'dementie',
      offer:
        'Het expertisecentrum geeft gratis advies, vorming en een praatcafé voor families van mensen met dementie.',
      audience: 'Mantelzorgers, families en zorgverleners in de Westhoek',
      address: 'Watouplein 2',
      postcode: '8970',
      town: 'Poperinge',
      phone: '057 36 80 80',
      email: 'info@dementie-westhoek.example',
      website: 'https://www.dementie-westhoek.example',
      openingHours: 'Op weekdagen bereikbaar van 9.00 tot 16.00 uur, huisbezoek op afspraak',
      cost: 'Gratis',
      accessibility: 'Ingang zonder trappen, huisbezoek mogelijk',
    },
    {
      name: 'Palliatief Netwerk Westhoek',
      kind: 'palliatieve-zorg',
      offer:
        'Het palliatief team komt thuis adviseren en vrijwilligers waken bij wie ongeneeslijk ziek is.',
      audience: 'Mensen die ongeneeslijk ziek zijn, hun familie en hun zorgverleners',
      address: 'Casselstraat 30',
      postcode: '8970',
      town: 'Poperinge',
      phone: '057 33 60 60',
      email: 'info@palliatief-westhoek.example',
      website: 'https://www.palliatief-westhoek.example',
      openingHours: 'Dag en nacht bereikbaar voor zorgverleners, kantoor op weekdagen',
      cost: 'Gratis',
      accessibility: 'Het team komt bij je thuis',
    },
  ],
};

const IEPER: DemoHubGuide = {
  premium: {
    offered: true,
    amountCents: 30000,
    period: 'jaar',
    conditions:
      'Jij en de persoon voor wie je zorgt, wonen in Ieper of een deelgemeente. De persoon woont thuis en heeft een erkende zorgnood, zoals het zorgbudget voor zwaar zorgbehoevenden of een attest van de huisarts over minstens zes maanden zorg. Je krijgt de premie één keer per jaar, per persoon die zorg krijgt.',
    howToApply:
      'Vul het aanvraagformulier in bij het Sociaal Huis Ieper, aan het loket of op afspraak. Voeg een bewijs van de zorgnood toe. Je vraagt de premie elk jaar opnieuw aan vóór 31 december.',
  },
  localParts: [
    {
      pageSlug: 'mantelzorgpremie-van-je-gemeente',
      body: `**In Ieper** krijg je een mantelzorgpremie van **€ 300 per jaar** als jij en de persoon voor wie je zorgt in Ieper wonen en die persoon een erkende zorgnood heeft.

Vraag de premie aan bij het **Sociaal Huis Ieper**. Je vraagt ze elk jaar opnieuw aan, vóór 31 december.`,
    },
    {
      pageSlug: 'dagopvang-en-dagverzorgingscentrum',
      body: `**Dagverzorgingscentrum De Vijver** aan de Rijselstraat is open op weekdagen. Op woensdag is er een groep voor jongere mensen met dementie.`,
    },
    {
      pageSlug: 'kortverblijf',
      body: `**Kortverblijf Ter Vesten** heeft acht kamers. Ook een verblijf van één weekend is mogelijk.

Het Sociaal Huis Ieper helpt je zoeken als er geen plaats is.`,
    },
    {
      pageSlug: 'erkenning-als-mantelzorger',
      body: `De **Dienst Maatschappelijk Werk Ziekenfonds Westhoek** helpt je gratis met het formulier voor de erkenning. Je kunt er elke donderdag zonder afspraak binnenlopen.`,
    },
    {
      pageSlug: 'lotgenotengroepen',
      body: `In Ieper zijn er twee groepen:

- **Praatgroep Samen Sterk Ieper**: elke derde donderdag van de maand, voor partners van iemand met een chronische ziekte.
- **Mantelzorgers Ieper** organiseert vier keer per jaar een mantelzorgcafé met een spreker.`,
    },
    {
      pageSlug: 'oppas-aan-huis',
      body: `**Respijthuis De Ooievaar** biedt oppas aan huis en opvang in een gezellig huis, ook op zaterdag. Vraag twee weken op voorhand.`,
    },
  ],
  localPages: [
    {
      slug: 'sociaal-huis-ieper',
      theme: 'wat-is-mantelzorg',
      title: 'Waar vind ik het Sociaal Huis van Ieper?',
      answer:
        'Het Sociaal Huis Ieper ligt in de Sint-Jacobsstraat 1 en helpt je gratis met de mantelzorgpremie, aanvragen en hulp in de buurt.',
      body: `Het **Sociaal Huis Ieper** is het loket voor welzijn en zorg in Ieper en de deelgemeenten. Je kunt er terecht met al je vragen als mantelzorger.

## Waarvoor kun je er terecht?

- De mantelzorgpremie van Ieper aanvragen.
- Hulp bij aanvragen bij Vlaanderen, de zorgkas of het ziekenfonds.
- Een overzicht van dagopvang, kortverblijf en oppas in de regio.
- Een gesprek met een maatschappelijk werker over je eigen draagkracht.

## Hoe geraak je er?

Het Sociaal Huis ligt in de **Sint-Jacobsstraat 1**, op vijf minuten wandelen van de Grote Markt. De bus stopt vlak voor de deur. De ingang heeft een helling en automatische deuren.

## Wanneer is het open?

1. Van maandag tot vrijdag van 8.30 tot 12.00 uur, zonder afspraak.
2. Op maandag en woensdag ook van 13.30 tot 16.30 uur, op afspraak.
3. Woon je in een deelgemeente en kun je niet komen? Vraag een huisbezoek.

Neem je identiteitskaart mee. Heb je al brieven van de zorgkas of het ziekenfonds? Breng ze ook mee.`,
      reviewedDaysAgo: 12,
      reviewInDays: 170,
      related: ['mantelzorgpremie-van-je-gemeente', 'zorgbudget-voor-zwaar-zorgbehoevenden'],
    },
  ],
  organisations: [
    {
      name: 'Sociaal Huis Ieper',
      kind: 'sociaal-huis',
      offer: 'Het Sociaal Huis helpt je met de mantelzorgpremie, aanvragen en hulp in de buurt.',
      audience: 'Alle inwoners van Ieper en de deelgemeenten',
      address: 'Sint-Jacobsstraat 1',
      postcode: '8900',
      town: 'Ieper',
      phone: '057 45 10 00',
      email: 'sociaalhuis@ieper-welzijn.example',
      website: 'https://www.ieper-welzijn.example',
      openingHours:
        'Maandag tot vrijdag 8.30–12.00 uur, maandag en woensdag ook 13.30–16.30 uur op afspraak',
      cost: 'Gratis',
      accessibility: 'Helling en automatische deuren, lift, aangepast toilet',
    },
    {
      name: 'Dagverzorgingscentrum De Vijver',
      kind: 'dagopvang',
      offer:
        'De Vijver biedt overdag verzorging, maaltijden en activiteiten, met een groep voor jongere mensen met dementie.',
      audience: 'Volwassenen en ouderen met een zorgnood die thuis wonen',
      address: 'Rijselstraat 88',
      postcode: '8900',
      town: 'Ieper',
      phone: '057 21 33 44',
      email: 'info@devijver-ieper.example',
      website: 'https://www.devijver-ieper.example',
      openingHours: 'Maandag tot vrijdag 8.00–17.30 uur',
      cost: 'Ongeveer € 28 per dag, vervoer apart',
      accessibility: 'Gelijkvloers, aangepaste toiletten, rustruimte',
    },
    {
      name: 'Kortverblijf Ter Vesten',
      kind: 'kortverblijf',
      offer:
        'Ter Vesten heeft acht kamers voor een kort verblijf met zorg dag en nacht, ook voor één weekend.',
      audience: 'Ouderen met een zorgnood van wie de mantelzorger even rust nodig heeft',
      address: 'Lange Torhoutstraat 50',
      postcode: '8900',
      town: 'Ieper',
      phone: '057 21 50 50',
      email: 'kortverblijf@tervesten.example',
      website: 'https://www.tervesten.example',
      openingHours: 'Opname op afspraak, bereikbaar op weekdagen 9.00–16.00 uur',
      cost: 'Ongeveer € 62 per dag, medicatie apart',
      accessibility: 'Lift, aangepaste kamers, tillift aanwezig',
    },
    {
      name: 'Respijthuis De Ooievaar',
      kind: 'respijtzorg',
      offer:
        'De Ooievaar biedt oppas aan huis en opvang overdag in een huiselijke omgeving, ook op zaterdag.',
      audience: 'Mantelzorgers van ouderen en van mensen met een beperking',
      address: 'Diksmuidestraat 19',
      postcode: '8900',
      town: 'Ieper',
      phone: '057 20 40 60',
      email: 'info@deooievaar.example',
      website: 'https://www.deooievaar.example',
      openingHours: 'Maandag tot zaterdag 8.00–18.00 uur',
      cost: 'Ongeveer € 4 per uur, volgens inkomen',
      accessibility: 'Gelijkvloers, aangepaste badkamer',
    },
    {
      name: 'Gezinszorg Zorgzaam Ieper',
      kind: 'thuiszorg',
      offer: 'Verzorgenden helpen thuis met wassen, koken, de was en boodschappen.',
      audience: 'Gezinnen en ouderen die thuis hulp nodig hebben',
      address: 'Boterstraat 12',
      postcode: '8900',
      town: 'Ieper',
      phone: '057 21 77 88',
      email: 'info@zorgzaam-ieper.example',
      website: 'https://www.zorgzaam-ieper.example',
      openingHours: 'Kantoor op weekdagen 8.30–16.30 uur',
      cost: 'Een bedrag per uur volgens inkomen en gezinsgrootte',
      accessibility: 'De hulp komt bij je thuis',
    },
    {
      name: 'Dienst Maatschappelijk Werk Ziekenfonds Westhoek',
      kind: 'ziekenfonds',
      offer:
        'Maatschappelijk werkers helpen je gratis met de erkenning als mantelzorger, het zorgbudget en hulpmiddelen.',
      audience: 'Leden van het ziekenfonds en hun mantelzorgers',
      address: 'Menenstraat 25',
      postcode: '8900',
      town: 'Ieper',
      phone: '057 22 11 00',
      email: 'maatschappelijkwerk@ziekenfonds-westhoek.example',
      website: 'https://www.ziekenfonds-westhoek.example',
      openingHours:
        'Maandag tot vrijdag 9.00–12.00 uur, donderdag ook 14.00–18.00 uur zonder afspraak',
      cost: 'Gratis voor leden',
      accessibility: 'Ingang zonder trappen, ringleiding aan het loket',
    },
    {
      name: 'Praatgroep Samen Sterk Ieper',
      kind: 'lotgenotengroep',
      offer:
        'In deze praatgroep delen partners van iemand met een chronische ziekte hun ervaringen.',
      audience: 'Partners van iemand met een chronische ziekte of beperking',
      address: 'Poperingseweg 30',
      postcode: '8900',
      town: 'Ieper',
      phone: '+32 470 12 34 56',
      email: 'samensterk@praatgroep-ieper.example',
      website: 'https://www.praatgroep-ieper.example',
      openingHours: 'Elke derde donderdag van de maand, 19.30–21.30 uur',
      cost: 'Gratis, koffie inbegrepen',
      accessibility: 'Zaal op de benedenverdieping, aangepast toilet',
    },
    {
      name: 'Mantelzorgers Ieper',
      kind: 'mantelzorgvereniging',
      offer:
        'De vereniging organiseert mantelzorgcafés, uitstappen en infoavonden voor mantelzorgers.',
      audience: 'Alle mantelzorgers in Ieper en omgeving',
      address: 'Zonnebeekseweg 64',
      postcode: '8900',
      town: 'Ieper',
      phone: '057 20 99 11',
      email: 'contact@mantelzorgers-ieper.example',
      website: 'https://www.mantelzorgers-ieper.example',
      openingHours: 'Telefonisch bereikbaar op dinsdag en donderdag 10.00–12.00 uur',
      cost: 'Lidgeld € 10 per jaar, activiteiten vaak gratis',
      accessibility: 'Activiteiten op toegankelijke plaatsen, vervoer op vraag',
    },
    {
      name: 'Vervoersdienst Stadsrand',
      kind: 'vervoer',
      offer: 'Vrijwilligers rijden je naar de dokter, het ziekenhuis of de dagopvang.',
      audience: 'Inwoners van Ieper die moeilijk met het openbaar vervoer kunnen reizen',
      address: 'Meenseweg 140',
      postcode: '8900',
      town: 'Ieper',
      phone: '057 21 60 70',
      email: 'ritten@stadsrand-ieper.example',
      website: 'https://www.stadsrand-ieper.example',
      openingHours: 'Ritten aanvragen op weekdagen 9.00–12.00 uur',
      cost: 'Een vergoeding per kilometer',
      accessibility: 'Aangepast busje voor een rolstoel',
    },
  ],
};

const VEURNE: DemoHubGuide = {
  premium: {
    offered: true,
    amountCents: 2000,
    period: 'maand',
    conditions:
      'De persoon voor wie je zorgt, woont in Veurne of een deelgemeente, woont thuis en heeft een erkende zorgnood, bijvoorbeeld het zorgbudget voor zwaar zorgbehoevenden of een hoge zorgnood volgens de thuisverpleging. Je zorgt minstens zes maanden. Per persoon die zorg krijgt, is er één premie.',
    howToApply:
      'Vraag het formulier aan bij het Sociaal Huis Veurne of laat het opsturen. Geef het ingevuld af met een bewijs van de zorgnood. De premie wordt elke maand gestort.',
  },
  localParts: [
    {
      pageSlug: 'mantelzorgpremie-van-je-gemeente',
      body: `**In Veurne** krijg je een mantelzorgpremie van **€ 20 per maand** als je minstens zes maanden thuis zorgt voor iemand met een erkende zorgnood die in Veurne woont.

Het formulier vraag je aan bij het **Sociaal Huis Veurne**. De premie wordt elke maand gestort.`,
    },
    {
      pageSlug: 'dagopvang-en-dagverzorgingscentrum',
      body: `In Veurne is er **Dagverzorgingscentrum Het Duinhuis**, open op weekdagen. Het centrum kan je familielid 's morgens ophalen en 's avonds thuisbrengen.`,
    },
    {
      pageSlug: 'oppas-aan-huis',
      body: `De **Oppasdienst Polder en Duin** werkt in Veurne en de deelgemeenten. Vrijwilligers komen overdag en 's nachts.

Voor oppas bij iemand met dementie kies je een vrijwilliger met een extra opleiding. Vraag ernaar bij de eerste kennismaking.`,
    },
    {
      pageSlug: 'thuisverpleging',
      body: `**Thuisverpleging Kustzorg** komt 7 dagen op 7 aan huis in Veurne, ook 's avonds laat.`,
    },
    {
      pageSlug: 'hulpmiddelen-en-woningaanpassing',
      body: `Bij **Uitleendienst Zorgmateriaal Veurne** leen je een hoog-laagbed, rolstoel of douchestoel voor een klein bedrag per maand. Een ergotherapeut komt gratis langs voor advies.`,
    },
    {
      pageSlug: 'lotgenotengroepen',
      body: `**Lokaal Dienstencentrum De Zwaan** houdt elke maand een mantelzorgcafé. Elke tweede woensdag is er ook een wandeling voor mantelzorgers.`,
    },
  ],
  localPages: [
    {
      slug: 'sociaal-huis-veurne',
      theme: 'wat-is-mantelzorg',
      title: 'Waar vind ik het Sociaal Huis van Veurne?',
      answer:
        'Het Sociaal Huis Veurne ligt in de Ooststraat 15 en helpt je gratis met de mantelzorgpremie en met vragen over zorg en hulp in de buurt.',
      body: `In het **Sociaal Huis Veurne** vind je de sociale diensten van de stad en het OCMW samen. Je kunt er terecht met al je vragen over zorg, geld en welzijn.

## Waarvoor kun je er terecht?

- De mantelzorgpremie van Veurne aanvragen.
- Hulp bij het aanvragen van het zorgbudget bij je zorgkas.
- Advies over gezinszorg, oppas, dagopvang en kortverblijf in de regio.
- Een luisterend oor als de zorg je te veel wordt.

## Hoe geraak je er?

Het Sociaal Huis ligt in de **Ooststraat 15**, dicht bij de Grote Markt. Parkeren kan op de Houtmarkt. Er zijn twee parkeerplaatsen voor mensen met een beperking voor de deur.

## Wanneer is het open?

1. Van maandag tot vrijdag van 9.00 tot 12.00 uur, zonder afspraak.
2. Op woensdag ook van 14.00 tot 18.00 uur, handig als je werkt.
3. Kun je niet naar het Sociaal Huis komen? Een maatschappelijk werker komt bij je thuis.

Neem je identiteitskaart mee, en de brieven die je al kreeg van de zorgkas of het ziekenfonds.`,
      reviewedDaysAgo: 190,
      reviewInDays: -5,
      related: ['mantelzorgpremie-van-je-gemeente', 'gezinszorg'],
    },
  ],
  organisations: [
    {
      name: 'Sociaal Huis Veurne',
      kind: 'sociaal-huis',
      offer: 'Het Sociaal Huis helpt je met de mantelzorgpremie, aanvragen en hulp in de buurt.',
      audience: 'Alle inwoners van Veurne en de deelgemeenten',
      address: 'Ooststraat 15',
      postcode: '8630',
      town: 'Veurne',
      phone: '058 33 55 00',
      email: 'sociaalhuis@veurne-welzijn.example',
      website: 'https://www.veurne-welzijn.example',
      openingHours: 'Maandag tot vrijdag 9.00–12.00 uur, woensdag ook 14.00–18.00 uur',
      cost: 'Gratis',
      accessibility: 'Ingang zonder trappen, lift, parkeerplaatsen voor mensen met een beperking',
    },
    {
      name: 'Dagverzorgingscentrum Het Duinhuis',
      kind: 'dagopvang',
      offer:
        'Het Duinhuis biedt overdag zorg, maaltijden en activiteiten, met vervoer van en naar huis.',
      audience: 'Ouderen en volwassenen met een zorgnood die thuis wonen',
      address: 'Iepersteenweg 60',
      postcode: '8630',
      town: 'Veurne',
      phone: '058 31 20 30',
      email: 'info@duinhuis-veurne.example',
      website: 'https://www.duinhuis-veurne.example',
      openingHours: 'Maandag tot vrijdag 8.30–17.00 uur',
      cost: 'Ongeveer € 29 per dag, vervoer € 3 per rit',
      accessibility: 'Gelijkvloers, aangepaste toiletten en tuin',
    },
    {
      name: 'Kortverblijf De Panne-Poort',
      kind: 'kortverblijf',
      offer: 'De Panne-Poort heeft vijf kamers voor een kort verblijf met zorg dag en nacht.',
      audience: 'Ouderen met een zorgnood van wie de mantelzorger even rust nodig heeft',
      address: 'Pannestraat 120',
      postcode: '8630',
      town: 'Veurne',
      phone: '058 31 44 66',
      email: 'kortverblijf@panne-poort.example',
      website: 'https://www.panne-poort.example',
      openingHours: 'Opname op afspraak, bereikbaar op weekdagen 9.00–16.00 uur',
      cost: 'Ongeveer € 60 per dag, medicatie apart',
      accessibility: 'Lift, aangepaste kamers en badkamers',
    },
    {
      name: 'Oppasdienst Polder en Duin',
      kind: 'oppasdienst',
      offer: "Vrijwilligers passen overdag of 's nachts op thuis, ook bij mensen met dementie.",
      audience: 'Mantelzorgers in Veurne en de deelgemeenten',
      address: 'Noordstraat 8',
      postcode: '8630',
      town: 'Veurne',
      phone: '058 31 10 20',
      email: 'oppas@polderenduin.example',
      website: 'https://www.polderenduin.example',
      openingHours: 'Aanvragen op weekdagen 9.00–12.00 uur',
      cost: 'Ongeveer € 3 per uur, korting voor leden van een ziekenfonds',
      accessibility: 'De oppas komt bij je thuis',
    },
    {
      name: 'Thuisverpleging Kustzorg',
      kind: 'thuiszorg',
      offer:
        'Thuisverpleegkundigen komen aan huis voor wassen, wondzorg, inspuitingen en medicatie.',
      audience: 'Iedereen die thuis verpleging nodig heeft',
      address: 'Zuidstraat 33',
      postcode: '8630',
      town: 'Veurne',
      phone: '058 31 80 80',
      email: 'info@kustzorg.example',
      website: 'https://www.kustzorg.example',
      openingHours: 'Zorg 7 dagen op 7, van 7.00 tot 22.00 uur',
      cost: 'Meestal volledig terugbetaald door het ziekenfonds',
      accessibility: 'De verpleging komt bij je thuis',
    },
    {
      name: 'Uitleendienst Zorgmateriaal Veurne',
      kind: 'andere',
      offer:
        'Je leent er hulpmiddelen zoals een hoog-laagbed, rolstoel of douchestoel, met gratis advies van een ergotherapeut.',
      audience: 'Mensen die thuis zorg krijgen en hun mantelzorgers',
      address: 'Kaaiplaats 4',
      postcode: '8630',
      town: 'Veurne',
      phone: '058 31 66 77',
      email: 'uitleen@zorgmateriaal-veurne.example',
      website: 'https://www.zorgmateriaal-veurne.example',
      openingHours: 'Maandag, woensdag en vrijdag 9.00–12.00 uur',
      cost: 'Huur vanaf € 10 per maand, levering op vraag',
      accessibility: 'Gelijkvloers, levering en plaatsing aan huis',
    },
    {
      name: 'Lokaal Dienstencentrum De Zwaan',
      kind: 'dienstencentrum',
      offer:
        'De Zwaan biedt ontmoeting, maaltijden en elke maand een mantelzorgcafé en een mantelzorgwandeling.',
      audience: 'Ouderen, mantelzorgers en alle buurtbewoners',
      address: 'Appelmarkt 5',
      postcode: '8630',
      town: 'Veurne',
      phone: '058 31 90 00',
      email: 'dienstencentrum@dezwaan.example',
      website: 'https://www.dezwaan.example',
      openingHours: 'Maandag tot vrijdag 9.00–17.00 uur',
      cost: 'Gratis binnenlopen, maaltijden tegen een kleine prijs',
      accessibility: 'Gelijkvloers, ringleiding, aangepast toilet',
    },
    {
      name: 'Palliatieve Thuiszorg Kust en Polder',
      kind: 'palliatieve-zorg',
      offer: 'Het palliatief team adviseert thuis en biedt nazorg aan families na een overlijden.',
      audience: 'Mensen die ongeneeslijk ziek zijn, hun familie en zorgverleners',
      address: 'Grote Markt 21',
      postcode: '8630',
      town: 'Veurne',
      phone: '058 31 70 70',
      email: 'info@palliatief-kustenpolder.example',
      website: 'https://www.palliatief-kustenpolder.example',
      openingHours: 'Dag en nacht bereikbaar voor zorgverleners, kantoor op weekdagen',
      cost: 'Gratis',
      accessibility: 'Het team komt bij je thuis',
    },
    {
      name: 'Rouwgroep Het Lichtpunt',
      kind: 'lotgenotengroep',
      offer:
        'In deze groep praten mensen die iemand verloren, onder begeleiding van een rouwconsulent.',
      audience: 'Volwassenen die een partner, ouder of kind verloren',
      address: 'Houtmarkt 9',
      postcode: '8630',
      town: 'Veurne',
      phone: '058 31 25 25',
      email: 'rouwgroep@hetlichtpunt.example',
      website: 'https://www.hetlichtpunt.example',
      openingHours: 'Elke eerste maandag van de maand, 19.30–21.30 uur',
      cost: 'Gratis',
      accessibility: 'Zaal op de benedenverdieping',
    },
  ],
};

const GENT: DemoHubGuide = {
  premium: null,
  localParts: [
    {
      pageSlug: 'mantelzorgpremie-van-je-gemeente',
      body: `**Gent geeft geen mantelzorgpremie.** De stad steunt mantelzorgers op een andere manier: met gratis oppasuren, een mantelzorgcafé en persoonlijk advies.

- Het **Sociaal Huis Gent** helpt je het zorgbudget voor zwaar zorgbehoevenden en andere tegemoetkomingen aan te vragen.
- De **Oppasdienst Stad en Haven** geeft elke mantelzorger 20 gratis oppasuren per jaar.
- In **Lokaal Dienstencentrum De Sleep** is er elke maand een mantelzorgcafé.`,
    },
    {
      pageSlug: 'dagopvang-en-dagverzorgingscentrum',
      body: `**Dagverzorgingscentrum De Kastanje** in de Brabantdam is open van maandag tot zaterdag. Er is een aparte groep voor mensen met dementie.`,
    },
    {
      pageSlug: 'expertisecentrum-dementie',
      body: `Het **Expertisecentrum Dementie Gent-Meetjesland** geeft gratis advies aan huis. Elke tweede dinsdag is er een praatcafé dementie in De Sleep.`,
    },
    {
      pageSlug: 'jonge-mantelzorgers',
      body: `**Jonge Zorgers Gent** brengt jongeren van 12 tot 25 jaar samen die thuis zorgen. Er zijn praatavonden en uitstappen, en je kunt ook een vast aanspreekpunt krijgen.`,
    },
    {
      pageSlug: 'lotgenotengroepen',
      body: `In Gent vind je lotgenoten bij:

- **Jonge Zorgers Gent**, voor jongeren die thuis zorgen.
- Het mantelzorgcafé in **Lokaal Dienstencentrum De Sleep**, elke eerste donderdag van de maand.`,
    },
  ],
  localPages: [
    {
      slug: 'sociaal-huis-gent',
      theme: 'wat-is-mantelzorg',
      title: 'Waar vind ik het Sociaal Huis van Gent?',
      answer:
        'Het Sociaal Huis Gent heeft een centraal loket in de Onderbergen 86 en helpt je gratis met vragen over zorg, geld en hulp in de buurt.',
      body: `Het **Sociaal Huis Gent** is het loket van de stad en het OCMW voor welzijn en zorg. Je kunt er gratis terecht met al je vragen als mantelzorger.

## Waarvoor kun je er terecht?

- Hulp bij het aanvragen van het zorgbudget en andere tegemoetkomingen.
- Informatie over gezinszorg, oppas, dagopvang en kortverblijf in je wijk.
- Gratis oppasuren aanvragen voor mantelzorgers.
- Een gesprek met een maatschappelijk werker als de zorg zwaar wordt.

## Hoe geraak je er?

Het centrale loket ligt in de **Onderbergen 86**, dicht bij de Korenmarkt. Tram en bus stoppen vlakbij. De ingang is zonder trappen en er is een lift.

In elke wijk is er ook een **lokaal dienstencentrum** waar je dezelfde vragen kunt stellen.

## Wanneer is het open?

1. Van maandag tot vrijdag van 8.30 tot 12.30 uur, zonder afspraak.
2. Op dinsdag en donderdag ook van 13.30 tot 16.30 uur, op afspraak.
3. Kun je niet komen? Vraag een huisbezoek of een gesprek aan de telefoon.

Spreek je niet goed Nederlands? Zeg het als je een afspraak maakt. Dan zorgt het Sociaal Huis voor een tolk.`,
      reviewedDaysAgo: 22,
      reviewInDays: 160,
      related: ['mantelzorg-steun-in-gent', 'mantelzorgpremie-van-je-gemeente'],
    },
    {
      slug: 'mantelzorg-steun-in-gent',
      theme: 'geld-en-premies',
      title: 'Welke steun geeft Gent aan mantelzorgers?',
      answer:
        'Gent geeft geen mantelzorgpremie, maar wel gratis oppasuren, mantelzorgcafés, advies in het Sociaal Huis en hulp bij het aanvragen van het zorgbudget.',
      body: `Veel gemeenten geven een mantelzorgpremie. **Gent doet dat niet.** De stad kiest ervoor om mantelzorgers te steunen met hulp en tijd.

## Wat krijg je wel?

- **Gratis oppasuren**: elke mantelzorger kan 20 uur oppas per jaar gratis krijgen via de Oppasdienst Stad en Haven.
- **Mantelzorgcafés**: elke maand in een lokaal dienstencentrum, met koffie en een spreker.
- **Advies op maat**: een maatschappelijk werker van het Sociaal Huis zoekt mee naar hulp die bij jou past.
- **Hulp bij aanvragen**: voor het zorgbudget voor zwaar zorgbehoevenden, de erkenning als mantelzorger of een tegemoetkoming voor hulpmiddelen.

## Geld van Vlaanderen en het ziekenfonds

Ook zonder premie van de stad kun je geld krijgen. De persoon voor wie je zorgt, heeft misschien recht op het **zorgbudget voor zwaar zorgbehoevenden**. Soms betaalt het ziekenfonds een deel van de dagopvang of het kortverblijf terug.

## Hoe begin je?

1. Maak een afspraak in het Sociaal Huis Gent of in het dienstencentrum van je wijk.
2. Neem je identiteitskaart mee en de brieven die je al kreeg.
3. Vraag meteen naar je gratis oppasuren.

Zo krijg je toch steun, ook al is er in Gent geen mantelzorgpremie.`,
      reviewedDaysAgo: 18,
      reviewInDays: 165,
      related: ['sociaal-huis-gent', 'zorgbudget-voor-zwaar-zorgbehoevenden', 'oppas-aan-huis'],
    },
  ],
  organisations: [
    {
      name: 'Sociaal Huis Gent',
      kind: 'sociaal-huis',
      offer: 'Het Sociaal Huis helpt je met aanvragen, gratis oppasuren en hulp in je wijk.',
      audience: 'Alle inwoners van Gent en hun mantelzorgers',
      address: 'Onderbergen 86',
      postcode: '9000',
      town: 'Gent',
      phone: '09 266 11 00',
      email: 'sociaalhuis@gent-welzijn.example',
      website: 'https://www.gent-welzijn.example',
      openingHours:
        'Maandag tot vrijdag 8.30–12.30 uur, dinsdag en donderdag ook 13.30–16.30 uur op afspraak',
      cost: 'Gratis',
      accessibility: 'Ingang zonder trappen, lift, aangepast toilet, tolk op vraag',
    },
    {
      name: 'Dagverzorgingscentrum De Kastanje',
      kind: 'dagopvang',
      offer:
        'De Kastanje biedt overdag zorg, maaltijden en activiteiten, ook op zaterdag en voor mensen met dementie.',
      audience: 'Ouderen en volwassenen met een zorgnood die thuis wonen',
      address: 'Brabantdam 45',
      postcode: '9000',
      town: 'Gent',
      phone: '09 223 44 55',
      email: 'info@dekastanje-gent.example',
      website: 'https://www.dekastanje-gent.example',
      openingHours: 'Maandag tot zaterdag 8.00–18.00 uur',
      cost: 'Ongeveer € 32 per dag, vervoer apart',
      accessibility: 'Lift, aangepaste toiletten, rustkamer',
    },
    {
      name: 'Kortverblijf Ter Leie',
      kind: 'kortverblijf',
      offer: 'Ter Leie heeft tien kamers voor een kort verblijf met zorg dag en nacht.',
      audience: 'Ouderen met een zorgnood van wie de mantelzorger even rust nodig heeft',
      address: 'Coupure Links 210',
      postcode: '9000',
      town: 'Gent',
      phone: '09 225 60 60',
      email: 'kortverblijf@terleie.example',
      website: 'https://www.terleie.example',
      openingHours: 'Opname op afspraak, bereikbaar op weekdagen 9.00–16.30 uur',
      cost: 'Ongeveer € 68 per dag, medicatie apart',
      accessibility: 'Lift, aangepaste kamers en badkamers',
    },
    {
      name: 'Oppasdienst Stad en Haven',
      kind: 'oppasdienst',
      offer:
        'Vrijwilligers passen thuis op, en elke mantelzorger in Gent krijgt 20 gratis oppasuren per jaar.',
      audience: 'Mantelzorgers die in Gent wonen of voor iemand in Gent zorgen',
      address: 'Rabotstraat 12',
      postcode: '9000',
      town: 'Gent',
      phone: '09 233 10 10',
      email: 'oppas@stadenhaven.example',
      website: 'https://www.stadenhaven.example',
      openingHours: 'Aanvragen op weekdagen 9.00–16.00 uur',
      cost: '20 uur per jaar gratis, daarna ongeveer € 3 per uur',
      accessibility: 'De oppas komt bij je thuis',
    },
    {
      name: 'Thuiszorg Wijk aan Huis',
      kind: 'thuiszorg',
      offer: 'Verzorgenden en thuisverpleegkundigen helpen thuis met zorg en het huishouden.',
      audience: 'Mensen die thuis zorg nodig hebben en hun gezin',
      address: 'Kortrijksesteenweg 150',
      postcode: '9000',
      town: 'Gent',
      phone: '09 221 80 90',
      email: 'info@wijkaanhuis.example',
      website: 'https://www.wijkaanhuis.example',
      openingHours: 'Zorg 7 dagen op 7, kantoor op weekdagen 8.30–17.00 uur',
      cost: 'Gezinszorg volgens inkomen, thuisverpleging meestal terugbetaald',
      accessibility: 'De zorg komt bij je thuis',
    },
    {
      name: 'Lokaal Dienstencentrum De Sleep',
      kind: 'dienstencentrum',
      offer: 'De Sleep biedt ontmoeting, maaltijden, een mantelzorgcafé en een praatcafé dementie.',
      audience: 'Buurtbewoners, ouderen en mantelzorgers',
      address: 'Sleepstraat 74',
      postcode: '9000',
      town: 'Gent',
      phone: '09 224 30 30',
      email: 'desleep@dienstencentra-gent.example',
      website: 'https://www.dienstencentra-gent.example',
      openingHours: 'Maandag tot vrijdag 9.00–17.00 uur',
      cost: 'Gratis binnenlopen, maaltijden tegen een kleine prijs',
      accessibility: 'Gelijkvloers, ringleiding, aangepast toilet',
    },
    {
      name: 'Expertisecentrum Dementie Gent-Meetjesland',
      kind: 'dementie',
      offer:
        'Het expertisecentrum geeft gratis advies aan huis en vorming over omgaan met dementie.',
      audience: 'Mantelzorgers, families en zorgverleners van mensen met dementie',
      address: 'Lange Violettestraat 90',
      postcode: '9000',
      town: 'Gent',
      phone: '09 227 50 50',
      email: 'info@dementie-gentmeetjesland.example',
      website: 'https://www.dementie-gentmeetjesland.example',
      openingHours: 'Op weekdagen bereikbaar van 9.00 tot 16.30 uur',
      cost: 'Gratis',
      accessibility: 'Lift, huisbezoek mogelijk',
    },
    {
      name: 'Jonge Zorgers Gent',
      kind: 'lotgenotengroep',
      offer: 'Jonge Zorgers brengt jongeren van 12 tot 25 jaar samen die thuis voor iemand zorgen.',
      audience: 'Kinderen, tieners en jongvolwassenen die thuis zorgen',
      address: 'Sint-Pietersnieuwstraat 33',
      postcode: '9000',
      town: 'Gent',
      phone: '09 264 20 20',
      email: 'hallo@jongezorgers-gent.example',
      website: 'https://www.jongezorgers-gent.example',
      openingHours:
        'Praatavond elke tweede woensdag 19.00–21.00 uur, chat op weekdagen 16.00–20.00 uur',
      cost: 'Gratis',
      accessibility: 'Zaal op de benedenverdieping, ook online',
    },
    {
      name: 'Ziekenfonds Gent dienst maatschappelijk werk',
      kind: 'ziekenfonds',
      offer:
        'Maatschappelijk werkers helpen je gratis met de erkenning als mantelzorger, het zorgbudget en hulpmiddelen.',
      audience: 'Leden van het ziekenfonds en hun mantelzorgers',
      address: 'Vrijdagmarkt 20',
      postcode: '9000',
      town: 'Gent',
      phone: '09 269 00 00',
      email: 'maatschappelijkwerk@ziekenfonds-gent.example',
      website: 'https://www.ziekenfonds-gent.example',
      openingHours: 'Maandag tot vrijdag 9.00–12.00 uur, woensdag ook 14.00–18.00 uur',
      cost: 'Gratis voor leden',
      accessibility: 'Ingang zonder trappen, ringleiding aan het loket',
    },
  ],
};

/** Each demo hub's local additions, local-only pages, premium and directory. */
export const DEMO_HUB_GUIDES: Record<'poperinge' | 'ieper' | 'veurne' | 'gent', DemoHubGuide> = {
  poperinge: POPERINGE,
  ieper: IEPER,
  veurne: VEURNE,
  gent: GENT,
};
