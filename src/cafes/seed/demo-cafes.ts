/**
 * Demo cafés (`npm start`): one per demo municipality, run by its caregivers. Venues and addresses
 * are made up but typical (a local service centre, a parish hall); themes and speakers are the
 * usual café subjects (see DOMAIN.md).
 */
export interface DemoCafe {
  tenantSlug: string;
  slug: string;
  name: string;
  description: string;
  venueName: string;
  venueAddress: string;
  venueDirections: string;
  stepFree: boolean;
  accessibleToilet: boolean;
  parking: boolean;
  contactName: string;
  contactPhone: string;
  rule: string;
  startTime: string;
  durationMinutes: number;
  capacity: number;
  /** The caregivers who form the core group (by e-mail). */
  hosts: string[];
}

/** Themes and speakers given to the first generated meetings (and the past ones). */
export const DEMO_PROGRAMME: { theme: string; speaker?: string; expertise?: string }[] = [
  {
    theme: 'Respijtzorg in de regio: dagopvang, kortverblijf, oppas',
    speaker: 'Sofie Vermeulen',
    expertise: 'maatschappelijk werker van het Sociaal Huis',
  },
  { theme: 'Zorgen voor jezelf als mantelzorger' },
  {
    theme: 'Dementie: omgaan met veranderend gedrag',
    speaker: 'Dirk Declercq',
    expertise: 'referentiepersoon dementie',
  },
  {
    theme: 'De mantelzorgpremie en het mantelzorgstatuut aanvragen',
    speaker: 'Katrien Maes',
    expertise: 'sociale dienst van het ziekenfonds',
  },
  {
    theme: 'Hulpmiddelen en woningaanpassing',
    speaker: 'Lien Goossens',
    expertise: 'ergotherapeut',
  },
  { theme: 'Grenzen stellen en hulp vragen' },
];

/** Themes of meetings that already took place (so "waarover we het al hadden" is not empty). */
export const DEMO_PAST_THEMES = ['Rouw en verlies', 'Combinatie werk en mantelzorg (zorgverlof)'];

/** The one demo meeting within the coming week (its reminders show up soon after start). */
export const DEMO_SOON = {
  theme: 'Koffie en babbel: kennismaken met de kerngroep',
  daysAhead: 3,
  startTime: '14:00',
};

const DESCRIPTION = [
  'Een Mantelzorgcafé is een plek om op adem te komen. Je drinkt een koffie met andere mantelzorgers, vertelt je verhaal of luistert gewoon. Niemand moet iets.',
  'Soms komt er een spreker over een thema dat jullie zelf kozen. Je mag iemand meebrengen. Heb je opvang nodig voor wie je zorgt, of vervoer? Laat het ons weten.',
].join('\n\n');

export const DEMO_CAFES: DemoCafe[] = [
  {
    tenantSlug: 'poperinge',
    slug: 'de-kouter',
    name: 'Mantelzorgcafé De Kouter',
    description: DESCRIPTION,
    venueName: 'Lokaal dienstencentrum De Kouter',
    venueAddress: 'Ieperstraat 90, 8970 Poperinge',
    venueDirections:
      'Bus 60 stopt aan halte Poperinge Ziekenhuis, 3 minuten wandelen. Gratis parking achter het gebouw.',
    stepFree: true,
    accessibleToilet: true,
    parking: true,
    contactName: 'Marleen (kerngroep)',
    contactPhone: '057 00 30 22',
    rule: 'FREQ=MONTHLY;BYDAY=1TU',
    startTime: '14:00',
    durationMinutes: 120,
    capacity: 25,
    hosts: ['marleen@poperinge.test', 'jozef@poperinge.test'],
  },
  {
    tenantSlug: 'ieper',
    slug: 'het-ankertje',
    name: 'Mantelzorgcafé Het Ankertje',
    description: DESCRIPTION,
    venueName: 'Lokaal dienstencentrum Het Ankertje',
    venueAddress: 'Sint-Jacobsstraat 10, 8900 Ieper',
    venueDirections: 'Vlakbij de Grote Markt. Parking Esplanade op 5 minuten wandelen.',
    stepFree: true,
    accessibleToilet: true,
    parking: false,
    contactName: 'Rita (kerngroep)',
    contactPhone: '057 00 11 12',
    rule: 'FREQ=MONTHLY;BYDAY=2TH',
    startTime: '14:00',
    durationMinutes: 120,
    capacity: 20,
    hosts: ['rita@ieper.test', 'luc@ieper.test'],
  },
  {
    tenantSlug: 'veurne',
    slug: 'de-pastorie',
    name: 'Mantelzorgcafé De Pastorie',
    description: DESCRIPTION,
    venueName: 'Ontmoetingscentrum De Pastorie',
    venueAddress: 'Noordstraat 5, 8630 Veurne',
    venueDirections:
      'De ingang is aan de tuinkant. Er is één trede aan de voordeur; via de tuin kan het zonder trappen.',
    stepFree: true,
    accessibleToilet: false,
    parking: true,
    contactName: 'Godelieve (kerngroep)',
    contactPhone: '058 00 25 26',
    rule: 'FREQ=MONTHLY;BYDAY=-1WE',
    startTime: '19:30',
    durationMinutes: 120,
    capacity: 18,
    hosts: ['godelieve@veurne.test', 'eddy@veurne.test'],
  },
  {
    tenantSlug: 'gent',
    slug: 'ledeberg',
    name: 'Mantelzorgcafé Ledeberg',
    description: DESCRIPTION,
    venueName: 'Lokaal dienstencentrum Ledeberg',
    venueAddress: 'Bevrijdingslaan 20, 9050 Gent',
    venueDirections:
      'Tram 2 en bus 5, halte Ledeberg Bevrijdingslaan. Fietsenstalling aan de ingang.',
    stepFree: true,
    accessibleToilet: true,
    parking: false,
    contactName: 'Anja (kerngroep)',
    contactPhone: '09 000 44 21',
    rule: 'FREQ=MONTHLY;BYDAY=3MO',
    startTime: '14:00',
    durationMinutes: 120,
    capacity: 30,
    hosts: ['anja@gent.test', 'mehmet@gent.test'],
  },
];
