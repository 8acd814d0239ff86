import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import {
  distanceKm,
  findPlace,
  municipalityOf,
  type FoundPlace,
  type PlaceLookup,
} from './places/place-search';

/** A café as the finder lists it: public fields only, linking to its page on the hub. */
export interface FinderCafe {
  name: string;
  place: string;
  url: string;
  stepFree: boolean;
  accessibleToilet: boolean;
  parking: boolean;
  next: { startsAt: Date; theme: string | null } | null;
}

/** A hub with its cafés and, after a search, how far it is. */
export interface FinderHub {
  name: string;
  url: string;
  /** Whole kilometres from the place searched for; null without a search or a known place. */
  distanceKm: number | null;
  /** The hub of the municipality searched for. */
  here: boolean;
  cafes: FinderCafe[];
}

/** What `/mantelzorgcafes` shows for a search (or none). */
export interface FinderPage {
  query: string;
  lookup: PlaceLookup | null;
  /** The municipality searched for has no hub: its name, for the request form. */
  noHubIn: string | null;
  hubs: FinderHub[];
  /** When the copies were last checked (the oldest), to say how fresh the list is. */
  checkedAt: Date | null;
}

/** After a search: the nearest hubs, this many (a reader wants a café nearby, not all of them). */
export const NEAREST_HUBS = 8;

/** A hub's copy as read: its view, its municipality and when it was last checked. */
interface CopiedHub {
  view: FinderHub;
  nis: string | null;
  checkedAt: Date;
}

interface Row {
  hub_slug: string;
  hub_name: string;
  nis_code: string | null;
  refreshed_at: Date;
  name: string | null;
  place: string | null;
  url: string | null;
  step_free: boolean | null;
  accessible_toilet: boolean | null;
  parking: boolean | null;
  next_meeting_at: Date | null;
  next_theme: string | null;
}

/**
 * The platform's café finder (`/mantelzorgcafes`): reads only its own global read model (see
 * CafeFinderCopyService), of hubs that are active now (a hub suspended since the last copy is
 * left out at once), and orders the hubs by distance from the place searched for.
 */
@Injectable()
export class CafeFinderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async page(rawQuery: string | undefined): Promise<FinderPage> {
    const query = (rawQuery ?? '').trim().slice(0, 100);
    const hubs = await this.hubs();
    const checkedAt = hubs.reduce<Date | null>(
      (oldest, hub) => (oldest && oldest < hub.checkedAt ? oldest : hub.checkedAt),
      null,
    );
    const listed = hubs.map(({ view }) => view);
    if (query === '') return { query, lookup: null, noHubIn: null, hubs: listed, checkedAt };
    const lookup = findPlace(query);
    if (lookup.kind !== 'found') return { query, lookup, noHubIn: null, hubs: [], checkedAt };
    const nearest = this.nearest(hubs, lookup.place);
    const noHubIn = nearest.some((hub) => hub.here) ? null : lookup.place.municipality.name;
    return { query, lookup, noHubIn, hubs: nearest, checkedAt };
  }

  private nearest(hubs: CopiedHub[], place: FoundPlace) {
    return hubs
      .map(({ view, nis }) => {
        const at = municipalityOf(nis);
        return {
          ...view,
          here: at?.nis === place.municipality.nis,
          distanceKm: at ? Math.round(distanceKm(place.point, at)) : null,
        };
      })
      .sort(
        (a, b) =>
          Number(b.here) - Number(a.here) ||
          (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
          a.name.localeCompare(b.name, 'nl'),
      )
      .slice(0, NEAREST_HUBS);
  }

  /** Every active hub's copy with its cafés, by name; one statement. */
  private async hubs(): Promise<CopiedHub[]> {
    const rows: Row[] = await this.dataSource.query(
      `select h.hub_slug, h.hub_name, h.nis_code, h.refreshed_at,
              e.name, e.place, e.url, e.step_free, e.accessible_toilet, e.parking,
              e.next_meeting_at, e.next_theme
         from cafe_finder_hubs h
         join tenants t on t.id = h.hub_tenant_id and t.status = 'active'
         left join cafe_finder_entries e on e.hub_tenant_id = h.hub_tenant_id
        order by h.hub_name, h.hub_slug, e.name`,
    );
    const now = this.clock.now();
    const bySlug = new Map<string, CopiedHub>();
    for (const row of rows) {
      let hub = bySlug.get(row.hub_slug);
      if (!hub) {
        hub = {
          view: {
            name: row.hub_name,
            url: this.config.originFor(row.hub_slug),
            distanceKm: null,
            here: false,
            cafes: [],
          },
          nis: row.nis_code,
          checkedAt: row.refreshed_at,
        };
        bySlug.set(row.hub_slug, hub);
      }
      if (row.name === null || row.url === null) continue;
      // A meeting that began since the last copy is no longer the next one: the hub's page says.
      const next =
        row.next_meeting_at && row.next_meeting_at > now
          ? { startsAt: row.next_meeting_at, theme: row.next_theme }
          : null;
      hub.view.cafes.push({
        name: row.name,
        place: row.place ?? '',
        url: row.url,
        stepFree: row.step_free === true,
        accessibleToilet: row.accessible_toilet === true,
        parking: row.parking === true,
        next,
      });
    }
    return [...bySlug.values()];
  }
}
