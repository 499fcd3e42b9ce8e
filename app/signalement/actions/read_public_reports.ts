import db from '@adonisjs/lucid/services/db'
import { NotFoundError } from '#kernel/http/errors'
import { decodeCursor, encodeCursor, type PageRequest } from '#kernel/http/pagination'
import {
  CITIZEN_REPORTS_SQL,
  NEARBY_REPORTS_SQL,
  boxAround,
  positional,
  PUBLIC_MAP_SQL,
  PUBLIC_REPORTS_SQL,
  REPORT_BY_ID_SQL,
} from '#signalement/support/public_reports_sql'
import {
  PUBLIC_MAP_LISTING,
  publicMapBody,
  publicMapParameters,
  publicReportJson,
  type PublicMapRow,
  type PublicReportRow,
} from '#signalement/transformers/report_json'
import { REPORT_LIMITS } from '#signalement/vocabulary'

type Bbox = [number, number, number, number]

/** Keyset page over (created_at, id) of a raw statement whose last three parameters are the cursor and the limit. */
async function pageOf(sql: string, leading: unknown[], listing: string, page: PageRequest) {
  const cursor = page.cursor ? decodeCursor(listing, page.cursor, 'timestamp') : null
  const { rows } = await db.rawQuery<{ rows: Array<PublicReportRow & { created_at: Date }> }>(
    ...positional(sql, [...leading, cursor?.value ?? null, cursor?.id ?? null, page.limit + 1])
  )
  const shown = rows.slice(0, page.limit)
  const last = shown.at(-1)
  const nextCursor =
    rows.length > page.limit && last
      ? encodeCursor(listing, new Date(last.created_at).toISOString(), last.id)
      : null
  return { rows: shown, meta: { next_cursor: nextCursor, limit: page.limit } }
}

function territoryNotFound(code: string) {
  return new NotFoundError(`Collectivité introuvable : « ${code} »`, 'E_COLLECTIVITY_NOT_FOUND')
}

/**
 * The public reports of a territory as JSON: moderated (published) reports only, their
 * reporter never shown, within an optional bbox.
 */
export class ListPublicReports {
  async handle(input: { code: string; bbox?: Bbox }, page: PageRequest) {
    const territory = await db
      .from('collectivities')
      .where('code', input.code.trim().toUpperCase())
      .where('status', 'onboarded')
      .select('id')
      .first()
    if (!territory) throw territoryNotFound(input.code)
    const bbox = input.bbox ?? [null, null, null, null]
    const { rows, meta } = await pageOf(
      PUBLIC_REPORTS_SQL,
      [territory.id, ...bbox],
      PUBLIC_MAP_LISTING,
      page
    )
    return { data: rows.map(publicReportJson), meta }
  }
}

/**
 * The same reports as a GeoJSON FeatureCollection, the citizen map's hot path: one statement,
 * whose features PostgreSQL serialises; the answer is that text as is (ADR 0029).
 */
export class PublicReportsMap {
  async handle(input: { code: string; bbox?: Bbox }, page: PageRequest): Promise<string> {
    const cursor = page.cursor ? decodeCursor(PUBLIC_MAP_LISTING, page.cursor, 'timestamp') : null
    const { rows } = await db.rawQuery<{ rows: PublicMapRow[] }>(
      ...positional(
        PUBLIC_MAP_SQL,
        publicMapParameters({ code: input.code, bbox: input.bbox, cursor, limit: page.limit })
      )
    )
    if (!rows[0]?.found) throw territoryNotFound(input.code)
    return publicMapBody(rows[0], page.limit)
  }
}

/** One report's public face: published reports only, to everyone (its reporter sees it at once). */
export class ShowPublicReport {
  async handle(id: number, viewerCitizenId: number | null = null) {
    const { rows } = await db.rawQuery(REPORT_BY_ID_SQL, [id])
    const row = rows[0]
    const own = row && viewerCitizenId !== null && row.reporter_citizen_id === viewerCitizenId
    if (!row || (row.moderation !== 'published' && !own)) {
      throw new NotFoundError('Signalement introuvable', 'E_REPORT_NOT_FOUND')
    }
    return { data: { ...publicReportJson(row), merged_into: row.merged_into_id } }
  }
}

/** A citizen's own reports, whatever their moderation state, with their state. */
export class ListCitizenReports {
  async handle(citizenId: number, page: PageRequest) {
    const { rows, meta } = await pageOf(CITIZEN_REPORTS_SQL, [citizenId], 'signalement.mine', page)
    return {
      data: rows.map((row: any) => ({ ...publicReportJson(row), moderation: row.moderation })),
      meta,
    }
  }
}

/** Open reports within 100 m, offered before a duplicate is filed. */
export class NearbyReports {
  async handle(input: { lat: number; lng: number; category?: string }) {
    const { rows } = await db.rawQuery(
      ...positional(NEARBY_REPORTS_SQL, [
        input.lng,
        input.lat,
        input.category ?? null,
        REPORT_LIMITS.nearbyMetres,
        ...boxAround(input.lat, input.lng, REPORT_LIMITS.nearbyMetres),
      ])
    )
    return {
      data: rows.map((row: PublicReportRow & { distance: number }) => ({
        ...publicReportJson(row),
        distance_m: Math.round(row.distance),
      })),
    }
  }
}
