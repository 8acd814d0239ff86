import type { LegalPageKind } from './entities/legal-page.entity';
import type { Tenant } from './entities/tenant.entity';

export const LEGAL_PAGE_KINDS: readonly LegalPageKind[] = ['privacy', 'toegankelijkheid'];

export function isLegalPageKind(value: string): value is LegalPageKind {
  return (LEGAL_PAGE_KINDS as readonly string[]).includes(value);
}

/** When the standard texts were last reviewed (shown on pages that use them). */
export const DEFAULT_TEXT_DATE = new Date('2026-12-03T12:00:00Z');

type TemplateTenant = Pick<Tenant, 'name' | 'contactEmail' | 'contactPhone' | 'contactAddress'>;

/** "De sociale dienst van X" with whatever contact details the municipality filled in. */
function contactLines(tenant: TemplateTenant): string {
  const lines = [`De sociale dienst van ${tenant.name}`];
  if (tenant.contactAddress) lines.push(`Adres: ${tenant.contactAddress}`);
  if (tenant.contactPhone) lines.push(`Telefoon: ${tenant.contactPhone}`);
  if (tenant.contactEmail) lines.push(`E-mail: ${tenant.contactEmail}`);
  if (lines.length === 1)
    lines.push(`Vraag aan het onthaal van ${tenant.name} naar de sociale dienst.`);
  return lines.join('\n');
}

function privacyText(tenant: TemplateTenant): string {
  const name = tenant.name;
  return `Deze verklaring zegt welke gegevens de Mantelzorghub van ${name} over jou bewaart, waarom, hoe lang, en wat je rechten zijn. De Mantelzorghub is een website van ${name} voor mantelzorgers: mensen die zorgen voor een partner, een ouder, een kind of een buur.

## Wie is verantwoordelijk?
${name} is verantwoordelijk voor je gegevens op deze website. In de wet heet dat de verwerkingsverantwoordelijke. De website draait op het platform Mantelzorghub. Dat platform werkt in opdracht van ${name} en gebruikt je gegevens alleen om de website te laten werken.

Heb je een vraag over je gegevens? Neem contact op met:
${contactLines(tenant)}

Je kunt ook vragen naar de functionaris voor gegevensbescherming (DPO) van ${name}.

## Welke gegevens bewaren we?
- Je e-mailadres en een beveiligde vorm van je wachtwoord, zodat je kunt inloggen.
- De naam die je zelf kiest, en je telefoonnummer als je dat invult.
- Wanneer je de voorwaarden aanvaardde, en of je e-mails van ons wilt krijgen.
- Wat je zelf op de website doet of schrijft: inschrijvingen voor een Mantelzorgcafé, een opleiding of een activiteit, en berichten aan de sociale dienst.
- Wat nodig is om de website veilig te houden, zoals wanneer je inlogde.

We zetten alleen een cookie als je inlogt of een formulier invult. Er zijn geen cookies voor reclame of statistieken.

Antwoord je zonder in te loggen op de vraag "Was dit nuttig?" onder een pagina, dan krijg je geen cookie. Om twee antwoorden van dezelfde persoon op dezelfde dag als één te tellen, maken we een code uit je internetadres, je browser, de pagina en de dag. De sleutel van die code gooien we na één dag weg; daarna kan niemand uit de code nog iets afleiden. Wat je als reactie typt, lezen alleen de schrijvers van de pagina.

## Gegevens over gezondheid
Wat je schrijft over de persoon voor wie je zorgt, zegt vaak iets over diens gezondheid. De wet beschermt zulke gegevens extra (artikel 9 van de Algemene Verordening Gegevensbescherming, de AVG). Daarom:
- vragen we nooit naar een ziekte of een diagnose;
- zien medewerkers van ${name} alleen wat ze nodig hebben om je te helpen;
- beslis je zelf wat je deelt. Schrijf alleen wat nodig is.

## Waarom gebruiken we je gegevens?
- Om je account te maken en je te laten inloggen.
- Om je in te schrijven voor een Mantelzorgcafé, een opleiding of een activiteit, en je daaraan te herinneren.
- Om je in contact te brengen met de sociale dienst en met andere mantelzorgers.
- Om je nieuws te sturen, alleen als je daarvoor kiest.

${name} doet dit omdat mantelzorgers steunen een taak van algemeen belang is. Voor gegevens over gezondheid vragen we je uitdrukkelijke toestemming. Je kunt die toestemming altijd intrekken.

We verkopen of verhuren je gegevens nooit. We geven ze niet aan andere gemeenten of aan bedrijven, behalve als de wet ons dat verplicht.

## Hoe lang bewaren we je gegevens?
- Zolang je een account hebt.
- Verwijder je je account, dan wissen we je gegevens binnen 30 dagen.
- De inhoud van e-mails die we je sturen, wissen we enkele dagen nadat ze verstuurd zijn.

## Je rechten
- Je gegevens bekijken en downloaden.
- Foute gegevens laten verbeteren.
- Je gegevens laten wissen, door je account te verwijderen.
- Je toestemming intrekken, bijvoorbeeld voor e-mails.
- Bezwaar maken tegen een gebruik van je gegevens.

Veel kun je zelf doen op de pagina "Mijn account". Lukt dat niet, vraag het dan aan de sociale dienst van ${name}. We antwoorden binnen een maand.

## Een klacht
Ben je niet tevreden over hoe we met je gegevens omgaan? Zeg het ons eerst. Je kunt ook een klacht indienen bij de Vlaamse Toezichtcommissie voor de verwerking van persoonsgegevens (VTC). Dat is de toezichthouder voor Vlaamse overheden en lokale besturen, zoals ${name}. Website: www.toezichtcommissie.be, e-mail: contact@toezichtcommissie.be.`;
}

function accessibilityText(tenant: TemplateTenant): string {
  const name = tenant.name;
  return `${name} wil dat iedereen de Mantelzorghub van ${name} kan gebruiken, ook mensen met een beperking. Deze verklaring geldt voor deze website.

## Wat de wet vraagt
Als lokaal bestuur moet ${name} zijn websites en apps toegankelijk maken. Dat staat in het Bestuursdecreet van 7 december 2018. Dat decreet voert de Europese richtlijn 2016/2102 uit. De norm is WCAG 2.1 op niveau AA (de Web Content Accessibility Guidelines).

## Hoe toegankelijk is deze website?
Deze website voldoet gedeeltelijk aan WCAG 2.1 niveau AA.

We bouwden de website volgens WCAG 2.2 niveau AA:
- alles werkt met alleen een toetsenbord, en ook zonder JavaScript;
- de tekst is groot en heeft genoeg contrast, ook op de kleur van de gemeente;
- elke pagina heeft een duidelijke titel en een link om meteen naar de inhoud te gaan;
- een fout in een formulier staat bij het veld en in een overzicht bovenaan.

Elke pagina wordt automatisch getest. Een volledige controle door een deskundige is nog niet gebeurd. Daarom schrijven we "gedeeltelijk".

## Wat misschien nog niet toegankelijk is
Documenten die ${name} of partners op de website zetten, zoals pdf-bestanden, zijn niet altijd toegankelijk. Heb je een document in een andere vorm nodig? Vraag het ons, dan helpen we je.

## Een probleem melden
Kun je iets niet lezen of gebruiken? Laat het ons weten. Zeg op welke pagina het was en wat er misging. We antwoorden binnen 10 werkdagen.
${contactLines(tenant)}

## Niet tevreden met ons antwoord?
Dien dan een klacht in bij ${name}. Elke Vlaamse gemeente heeft een regeling om klachten te behandelen. Krijg je daarna nog geen oplossing, dan kun je terecht bij de ombudsdienst van ${name}, of bij de Vlaamse Ombudsdienst als ${name} daarbij aangesloten is: www.vlaamseombudsdienst.be.

## Over deze verklaring
We maakten deze verklaring op basis van een eigen beoordeling en automatische tests.`;
}

/** The generated text of a legal page, filled with the municipality's name and contact details. */
export function defaultLegalText(kind: LegalPageKind, tenant: TemplateTenant): string {
  return kind === 'privacy' ? privacyText(tenant) : accessibilityText(tenant);
}

/** Body text (escaped paragraphs in the view) or a bulleted list. */
export type LegalBlock =
  { text: string; items?: undefined } | { text?: undefined; items: string[] };

export interface LegalSection {
  heading: string | null;
  blocks: LegalBlock[];
}

const HEADING = /^##\s+(.+)$/;
const ITEM = /^[-*•]\s+(.+)$/;

/**
 * Plain text → sections for the view: a line that starts with "## " begins a section with that
 * heading, consecutive lines that start with "- " form a list, the rest is paragraphs (blank line
 * between them). Only structure is derived here; the view escapes every piece of text.
 */
export function toSections(body: string): LegalSection[] {
  const sections: LegalSection[] = [];
  let section: LegalSection = { heading: null, blocks: [] };
  let text: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (text.join('').trim()) section.blocks.push({ text: text.join('\n').trim() });
    if (items.length) section.blocks.push({ items });
    text = [];
    items = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const item = ITEM.exec(line);
    if (heading) {
      flush();
      if (section.heading || section.blocks.length) sections.push(section);
      section = { heading: heading[1].trim(), blocks: [] };
    } else if (item) {
      if (text.join('').trim()) {
        section.blocks.push({ text: text.join('\n').trim() });
        text = [];
      }
      items.push(item[1].trim());
    } else {
      if (items.length && line) flush();
      else if (items.length) {
        section.blocks.push({ items });
        items = [];
      }
      text.push(line);
    }
  }
  flush();
  if (section.heading || section.blocks.length) sections.push(section);
  return sections;
}
