import type { Client } from 'pg';
import type { Audience, CourseKind } from '../common/entities/academy-template.entity';

interface DemoTemplate {
  slug: string;
  title: string;
  kind: CourseKind;
  audiences: Audience[];
  summary: string;
  learningGoals: string;
  trainerProfile: string;
  suggestedCapacity: number;
  sessions: { title: string; programme: string; minutes: number }[];
}

/** The academy's demo catalogue: six templates for caregivers, professionals and municipal staff. */
export const DEMO_TEMPLATES: DemoTemplate[] = [
  {
    slug: 'zorgen-zonder-jezelf-te-vergeten',
    title: 'Zorgen zonder jezelf te vergeten',
    kind: 'track',
    audiences: ['caregiver'],
    summary:
      'Een traject van drie namiddagen voor mantelzorgers. Je praat met mensen die hetzelfde meemaken, je leert je grenzen kennen en je ontdekt welke hulp er in je buurt is.',
    learningGoals:
      'Je herkent de signalen dat de zorg te zwaar wordt.\nJe durft hulp te vragen aan familie, vrienden en diensten.\nJe weet wat respijtzorg is en hoe je ze aanvraagt.',
    trainerProfile:
      'Een maatschappelijk werker van het Sociaal Huis of een mantelzorgconsulent van het ziekenfonds, samen met een ervaren mantelzorger.',
    suggestedCapacity: 12,
    sessions: [
      {
        title: 'Wat zorg jij allemaal?',
        programme:
          'Kennismaking. Iedereen vertelt kort voor wie hij of zij zorgt. We zetten samen op papier wat je op een week allemaal doet, en wat dat met je doet.',
        minutes: 150,
      },
      {
        title: 'Grenzen stellen en hulp vragen',
        programme:
          'Waar liggen jouw grenzen? We oefenen hoe je nee zegt zonder schuldgevoel en hoe je hulp vraagt aan familie of buren.',
        minutes: 150,
      },
      {
        title: 'Even op adem komen: respijtzorg',
        programme:
          'Dagopvang, kortverblijf, oppas aan huis: wat bestaat er in de regio en wat kost het? Met een getuigenis van een mantelzorger en tijd voor vragen.',
        minutes: 150,
      },
    ],
  },
  {
    slug: 'tillen-en-verplaatsen',
    title: 'Tillen en verplaatsen',
    kind: 'workshop',
    audiences: ['caregiver', 'professional'],
    summary:
      'Een praktische workshop: hoe help je iemand veilig uit bed, uit de zetel of in de wagen, zonder je rug te forceren? Je oefent zelf, met hulpmiddelen.',
    learningGoals:
      'Je kent de basisregels om veilig te tillen.\nJe helpt iemand rechtkomen en zich verplaatsen zonder pijn.\nJe weet welke hulpmiddelen er zijn en waar je ze kunt lenen.',
    trainerProfile:
      'Een kinesitherapeut of ergotherapeut met ervaring in thuiszorg. Een zaal met een bed, een stoel en een rolstoel.',
    suggestedCapacity: 10,
    sessions: [
      {
        title: 'De workshop',
        programme:
          'Uitleg over houding en rugsparend werken. Daarna oefenen in duo’s: rechtkomen, transfer van bed naar stoel, in en uit de wagen. Afsluiten met een tafel vol hulpmiddelen om te proberen.',
        minutes: 180,
      },
    ],
  },
  {
    slug: 'omgaan-met-dementie',
    title: 'Omgaan met dementie',
    kind: 'track',
    audiences: ['professional'],
    summary:
      'Twee sessies voor zorgprofessionals over veranderend gedrag bij dementie, en over hoe je de mantelzorger als partner betrekt.',
    learningGoals:
      'Je begrijpt wat er in het hoofd van iemand met dementie gebeurt.\nJe gaat rustig om met onrust, achterdocht en herhaalde vragen.\nJe betrekt de mantelzorger bij het zorgplan.',
    trainerProfile:
      'Een referentiepersoon dementie of een medewerker van een expertisecentrum dementie.',
    suggestedCapacity: 16,
    sessions: [
      {
        title: 'Dementie begrijpen',
        programme:
          'Vormen van dementie, hoe het verloopt en wat dat betekent voor het dagelijks leven. Oefening: de wereld door de ogen van iemand met dementie.',
        minutes: 180,
      },
      {
        title: 'Moeilijk gedrag en de mantelzorger',
        programme:
          'Casussen uit de praktijk: onrust in de avond, weigeren van zorg. Hoe spreek je met de mantelzorger over wat hij of zij draagt?',
        minutes: 180,
      },
    ],
  },
  {
    slug: 'signalen-van-overbelasting-herkennen',
    title: 'Signalen van overbelasting herkennen',
    kind: 'workshop',
    audiences: ['professional'],
    summary:
      'Een workshop voor thuisverpleging, huisartsenpraktijken en gezinszorg: hoe zie je dat een mantelzorger het niet meer trekt, en wat doe je dan?',
    learningGoals:
      'Je herkent de signalen van overbelasting bij mantelzorgers.\nJe brengt het ter sprake op een respectvolle manier.\nJe weet naar wie je kunt doorverwijzen in de gemeente.',
    trainerProfile:
      'Een mantelzorgconsulent of psycholoog met ervaring in de eerstelijnszorg, samen met de sociale dienst van de gemeente.',
    suggestedCapacity: 20,
    sessions: [
      {
        title: 'De workshop',
        programme:
          'Wat is overbelasting? Signalen bij de mantelzorger en in het gezin. Gespreksoefeningen in kleine groepen. Overzicht van de hulp in de gemeente: Sociaal Huis, mantelzorgcafé, respijtzorg.',
        minutes: 150,
      },
    ],
  },
  {
    slug: 'een-mantelzorgbeleid-uitbouwen',
    title: 'Een mantelzorgbeleid uitbouwen',
    kind: 'track',
    audiences: ['staff'],
    summary:
      'Voor medewerkers van de gemeente en het Sociaal Huis: hoe bouw je stap voor stap een lokaal mantelzorgbeleid uit, samen met partners en met mantelzorgers zelf?',
    learningGoals:
      'Je brengt in kaart wat er al is voor mantelzorgers in je gemeente.\nJe kiest prioriteiten samen met partners en mantelzorgers.\nJe kent voorbeelden van andere gemeenten: een mantelzorgcafé, een mantelzorgpremie, een aanspreekpunt.',
    trainerProfile:
      'Een beleidsmedewerker met ervaring in lokaal sociaal beleid, of een medewerker van een mantelzorgorganisatie.',
    suggestedCapacity: 15,
    sessions: [
      {
        title: 'Waar staan we?',
        programme:
          'Een stand van zaken: cijfers over mantelzorg in de gemeente, wat partners al doen, wat mantelzorgers zelf vragen. Met een oefening om het aanbod in kaart te brengen.',
        minutes: 180,
      },
      {
        title: 'Van plan naar aanpak',
        programme:
          'Prioriteiten kiezen, een kerngroep samenstellen en een actieplan maken. Voorbeelden uit andere gemeenten, en hoe je de mantelzorgpremie herbekijkt.',
        minutes: 180,
      },
    ],
  },
  {
    slug: 'premies-en-ondersteuning-voor-mantelzorgers',
    title: 'Premies en ondersteuning voor mantelzorgers',
    kind: 'info_session',
    audiences: ['caregiver'],
    summary:
      'Een infosessie over de steun waar je als mantelzorger recht op kunt hebben: de mantelzorgpremie van je gemeente, het zorgbudget, het statuut van mantelzorger en respijtzorg.',
    learningGoals:
      'Je weet welke premies en tegemoetkomingen er zijn.\nJe weet waar en hoe je ze aanvraagt.\nJe weet bij wie je terechtkunt met vragen.',
    trainerProfile:
      'Een medewerker van de sociale dienst van een ziekenfonds en een medewerker van het Sociaal Huis.',
    suggestedCapacity: 30,
    sessions: [
      {
        title: 'De infosessie',
        programme:
          'De mantelzorgpremie van de gemeente (de voorwaarden verschillen per gemeente), het zorgbudget voor zwaar zorgbehoevenden, het statuut van mantelzorger en zorgverlof, respijtzorg. Daarna tijd voor vragen.',
        minutes: 120,
      },
    ],
  },
];

/**
 * The demo catalogue of templates, through the seed's connection (global tables, no tenant).
 * Idempotent by slug: a template that exists (maybe edited by a platform admin) is left alone.
 */
export async function seedTemplates(client: Client): Promise<number> {
  let created = 0;
  for (const template of DEMO_TEMPLATES) {
    const inserted = await client.query<{ id: string }>(
      `insert into academy_templates
         (slug, title, kind, audiences, summary, learning_goals, trainer_profile, suggested_capacity)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (slug) do nothing
       returning id`,
      [
        template.slug,
        template.title,
        template.kind,
        template.audiences,
        template.summary,
        template.learningGoals,
        template.trainerProfile,
        template.suggestedCapacity,
      ],
    );
    const id = inserted.rows[0]?.id;
    if (!id) continue;
    created++;
    for (const [i, session] of template.sessions.entries())
      await client.query(
        `insert into academy_template_sessions (template_id, position, title, programme, duration_minutes)
         values ($1, $2, $3, $4, $5)`,
        [id, i + 1, session.title, session.programme, session.minutes],
      );
  }
  return created;
}
