import type { Role } from '../auth/entities/membership.entity';

/**
 * Demo content for development (`npm start`): four municipalities with realistic Dutch content and
 * a few people per municipality. Every person, address, phone number and e-mail address here is
 * made up; the e-mail domains use the reserved `.test` top-level domain, so nothing can reach a
 * real mailbox.
 */

/** The one password of every demo account; printed by `npm start`. */
export const DEMO_PASSWORD = 'Mantelzorg-demo-2026';

export interface DemoTenant {
  slug: string;
  name: string;
  nisCode: string;
  province: string;
  /** White text on it reaches at least 4.5:1 (checked by src/seed/demo-data.spec.ts). */
  brandColor: string;
  contactEmail: string;
  contactPhone: string;
  contactAddress: string;
  welcomeText: string;
}

export interface DemoMember {
  email: string;
  displayName: string;
  role: Role;
  phone?: string;
  /** Agreed to receive e-mail (reminders, news) from this hub. */
  mailConsent: boolean;
  /** What this account is for, shown next to the login by `npm start`. */
  note: string;
}

export interface DemoMunicipality {
  tenant: DemoTenant;
  members: DemoMember[];
}

export const DEMO_PLATFORM_ADMIN = {
  email: 'platform@mantelzorghub.test',
  note: 'platformbeheerder: gemeenten aanmaken, aanvragen behandelen',
};

export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  {
    tenant: {
      slug: 'poperinge',
      name: 'Poperinge',
      nisCode: '33021',
      province: 'West-Vlaanderen',
      brandColor: '#2d6a31',
      contactEmail: 'sociaalhuis@poperinge.test',
      contactPhone: '057 00 30 21',
      contactAddress: 'Gasthuisstraat 12, 8970 Poperinge',
      welcomeText: [
        'Zorg je voor je partner, je vader of moeder, een kind of een buur? Dan ben je mantelzorger. Dat doe je met veel liefde, maar het is soms ook zwaar. Hier vind je andere mantelzorgers uit Poperinge en de streek.',
        'Elke eerste dinsdag van de maand is er het Mantelzorgcafé in het lokaal dienstencentrum. Een kerngroep van mantelzorgers zet dan koffie en taart klaar. Je kunt gewoon praten, of luisteren naar een spreker over een thema dat jullie zelf kiezen, zoals dementie of de mantelzorgpremie.',
        'In de Mantelzorgacademie leer je bijvoorbeeld hoe je iemand veilig helpt opstaan, of hoe je beter voor jezelf zorgt. Wil je even op adem komen? Het Sociaal Huis zoekt samen met jou naar respijtzorg: dagopvang, kortverblijf of een oppas aan huis.',
      ].join('\n\n'),
    },
    members: [
      {
        email: 'beheerder@poperinge.test',
        displayName: 'Els Vandamme',
        role: 'tenant_admin',
        phone: '057 00 30 25',
        mailConsent: true,
        note: 'beheerder (medewerker mantelzorgbeleid)',
      },
      {
        email: 'sociaalwerker@poperinge.test',
        displayName: 'Pieter Lebbe',
        role: 'professional',
        phone: '057 00 30 27',
        mailConsent: true,
        note: 'maatschappelijk werker, Sociaal Huis',
      },
      {
        email: 'marleen@poperinge.test',
        displayName: 'Marleen Deconinck',
        role: 'caregiver',
        phone: '0470 00 11 21',
        mailConsent: true,
        note: 'mantelzorger, zorgt voor haar man; ook lid in Ieper',
      },
      {
        email: 'jozef@poperinge.test',
        displayName: 'Jozef Vanneste',
        role: 'caregiver',
        mailConsent: false,
        note: 'mantelzorger, zorgt voor zijn zus',
      },
    ],
  },
  {
    tenant: {
      slug: 'ieper',
      name: 'Ieper',
      nisCode: '33011',
      province: 'West-Vlaanderen',
      brandColor: '#1f4e79',
      contactEmail: 'sociaalhuis@ieper.test',
      contactPhone: '057 00 40 11',
      contactAddress: 'Lange Torhoutstraat 5, 8900 Ieper',
      welcomeText: [
        'Welkom bij de Mantelzorghub van Ieper. Hier vind je steun als je zorgt voor iemand die ziek, oud of beperkt is. Je staat er niet alleen voor: in Ieper zorgen duizenden mensen elke dag voor een naaste.',
        'Het Mantelzorgcafé komt elke derde donderdag van de maand samen. Mantelzorgers organiseren het zelf, in een open en huiselijke sfeer. Soms komt er een spreker, bijvoorbeeld een ergotherapeut over hulpmiddelen en woningaanpassing.',
        'Heb je een vraag over de mantelzorgpremie, over respijtzorg of over hulp aan huis? Stuur een bericht naar het Sociaal Huis of kom langs. Samen zoeken we wat jou helpt.',
      ].join('\n\n'),
    },
    members: [
      {
        email: 'beheerder@ieper.test',
        displayName: 'Sofie Verhaeghe',
        role: 'tenant_admin',
        phone: '057 00 40 15',
        mailConsent: true,
        note: 'beheerder (dienst welzijn)',
      },
      {
        email: 'sociaalwerker@ieper.test',
        displayName: 'Tom Desmet',
        role: 'professional',
        phone: '057 00 40 17',
        mailConsent: true,
        note: 'maatschappelijk werker, Sociaal Huis',
      },
      {
        email: 'rita@ieper.test',
        displayName: 'Rita Coussens',
        role: 'caregiver',
        phone: '0471 00 22 11',
        mailConsent: true,
        note: 'mantelzorger, zorgt voor haar moeder met dementie',
      },
      {
        email: 'luc@ieper.test',
        displayName: 'Luc Vermeulen',
        role: 'caregiver',
        mailConsent: true,
        note: 'mantelzorger, zorgt voor zijn vrouw',
      },
      // One account, two municipalities: Marleen also looks after her mother in Ieper.
      {
        email: 'marleen@poperinge.test',
        displayName: 'Marleen Deconinck',
        role: 'caregiver',
        mailConsent: false,
        note: 'mantelzorger; zelfde account als in Poperinge',
      },
    ],
  },
  {
    tenant: {
      slug: 'veurne',
      name: 'Veurne',
      nisCode: '38025',
      province: 'West-Vlaanderen',
      brandColor: '#7a1f3d',
      contactEmail: 'sociaalhuis@veurne.test',
      contactPhone: '058 00 50 25',
      contactAddress: 'Ooststraat 20, 8630 Veurne',
      welcomeText: [
        'Ben je mantelzorger in Veurne of in een van de deelgemeenten? Welkom! Hier leer je andere mantelzorgers kennen en vind je hulp dicht bij huis.',
        'In het Mantelzorgcafé praat je elke maand met mensen die hetzelfde meemaken. Er is tijd om te ontspannen, en er zijn thema-avonden, zoals "Grenzen stellen en hulp vragen" of "Zorg en werk combineren".',
        'De Mantelzorgacademie biedt korte vormingen: til- en transfertechnieken, EHBO bij ouderen en hulp bij online aanvragen bij de overheid. Het Sociaal Huis helpt je ook met de mantelzorgpremie en met respijtzorg.',
      ].join('\n\n'),
    },
    members: [
      {
        email: 'beheerder@veurne.test',
        displayName: 'Katrien Dewulf',
        role: 'tenant_admin',
        phone: '058 00 50 26',
        mailConsent: true,
        note: 'beheerder (coördinator zorg en welzijn)',
      },
      {
        email: 'sociaalwerker@veurne.test',
        displayName: 'Bart Goethals',
        role: 'professional',
        phone: '058 00 50 28',
        mailConsent: true,
        note: 'maatschappelijk werker, Sociaal Huis',
      },
      {
        email: 'godelieve@veurne.test',
        displayName: 'Godelieve Maes',
        role: 'caregiver',
        phone: '0472 00 33 25',
        mailConsent: true,
        note: 'mantelzorger, zorgt voor haar man na een beroerte',
      },
      {
        email: 'eddy@veurne.test',
        displayName: 'Eddy Lannoo',
        role: 'caregiver',
        mailConsent: true,
        note: 'mantelzorger, zorgt voor zijn vader',
      },
    ],
  },
  {
    tenant: {
      slug: 'gent',
      name: 'Gent',
      nisCode: '44021',
      province: 'Oost-Vlaanderen',
      brandColor: '#00607a',
      contactEmail: 'mantelzorg@gent.test',
      contactPhone: '09 000 44 21',
      contactAddress: 'Onderbergen 8, 9000 Gent',
      welcomeText: [
        'Welkom bij de Mantelzorghub van Gent. Zorg je voor een partner, een ouder, een kind met een beperking of een buur? Hier vind je mensen die je begrijpen, en hulp van de stad en haar partners.',
        "In verschillende wijken is er een Mantelzorgcafé, elke maand, in een lokaal dienstencentrum. Kerngroepen van mantelzorgers kiezen zelf de thema's, van rouw en verlies tot palliatieve zorg en vroegtijdige zorgplanning.",
        'Zit je met een vraag over respijtzorg, dagverzorging of kortverblijf? Of wil je praten over wat je meemaakt? De medewerkers van het Sociaal Huis en van onze partners, zoals de ziekenfondsen en de diensten voor thuiszorg, helpen je graag verder.',
      ].join('\n\n'),
    },
    members: [
      {
        email: 'beheerder@gent.test',
        displayName: 'Nathalie De Smet',
        role: 'tenant_admin',
        phone: '09 000 44 25',
        mailConsent: true,
        note: 'beheerder (team mantelzorg, stad Gent)',
      },
      {
        email: 'sociaalwerker@gent.test',
        displayName: 'Youssef El Amrani',
        role: 'professional',
        phone: '09 000 44 27',
        mailConsent: true,
        note: 'maatschappelijk werker, Sociaal Huis',
      },
      {
        email: 'anja@gent.test',
        displayName: 'Anja Van de Velde',
        role: 'caregiver',
        phone: '0473 00 44 21',
        mailConsent: true,
        note: 'mantelzorger, zorgt voor haar zoon met een beperking',
      },
      {
        email: 'mehmet@gent.test',
        displayName: 'Mehmet Yilmaz',
        role: 'caregiver',
        mailConsent: false,
        note: 'mantelzorger, zorgt voor zijn schoonmoeder',
      },
    ],
  },
];
