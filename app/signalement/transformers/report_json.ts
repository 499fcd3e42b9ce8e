import { DateTime } from 'luxon'
import { publicMediaBaseUrl, variantUrl } from '#kernel/media/transformers/media_transformer'
import { encodeCursor } from '#kernel/http/pagination'
import type { MediaVariant } from '#kernel/media/models/media'
import { CATEGORY_LABELS, REPORT_STATUS_LABELS, type ReportStatus } from '#signalement/vocabulary'

export interface PublicMediaRow {
  id: number
  kind: 'image' | 'video'
  variants: MediaVariant[]
}

/** A report row as the public statements return it (snake_case columns). */
export interface PublicReportRow {
  id: number
  category_code: string
  category_label?: string | null
  status: ReportStatus
  description: string
  lat: number
  lng: number
  address: string | null
  supports_count: number
  public_message: string | null
  created_at: Date | string
  acknowledged_at: Date | string | null
  resolved_at: Date | string | null
  commune_code: string
  commune_name: string
  media: PublicMediaRow[]
}

const iso = (value: Date | string | null) =>
  value === null
    ? null
    : value instanceof Date
      ? value.toISOString()
      : (DateTime.fromSQL(value).toISO() ?? String(value))

/** Public variants only (what the media pipeline derived: no original, no location). */
function mediaJson(media: PublicMediaRow) {
  return {
    id: media.id,
    variants: media.variants.map((variant) => ({
      name: variant.name,
      url: variantUrl(variant),
      mime: variant.mime,
      width: variant.width,
      height: variant.height,
    })),
  }
}

/**
 * What the public sees of a report: never its reporter, never an internal note, only visible
 * media. Shared by the listing, the detail and the GeoJSON features.
 */
export function publicReportJson(row: PublicReportRow) {
  const media = row.media ?? []
  return {
    id: row.id,
    category: {
      code: row.category_code,
      label: row.category_label ?? CATEGORY_LABELS[row.category_code] ?? row.category_code,
    },
    status: row.status,
    status_label: REPORT_STATUS_LABELS[row.status],
    description: row.description,
    position: { lat: row.lat, lng: row.lng },
    address: row.address,
    commune: { code: row.commune_code, name: row.commune_name },
    photos: media.filter((item) => item.kind === 'image').map(mediaJson),
    video: media.filter((item) => item.kind === 'video').map(mediaJson)[0] ?? null,
    supports_count: row.supports_count,
    public_message: row.public_message,
    created_at: iso(row.created_at),
    acknowledged_at: iso(row.acknowledged_at),
    resolved_at: iso(row.resolved_at),
  }
}

export type PublicReportJson = ReturnType<typeof publicReportJson>

export function publicReportFeature(row: PublicReportRow) {
  const { position, ...properties } = publicReportJson(row)
  return {
    type: 'Feature' as const,
    id: row.id,
    geometry: { type: 'Point' as const, coordinates: [position.lng, position.lat] },
    properties,
  }
}

/** The labels PUBLIC_MAP_SQL writes into each feature, as publicReportJson does. */
const MAP_LABELS = JSON.stringify({ categories: CATEGORY_LABELS, statuses: REPORT_STATUS_LABELS })

/** PUBLIC_MAP_SQL's parameters, in order (`$1`…`$10`). */
export function publicMapParameters(input: {
  code: string
  bbox?: readonly [number, number, number, number] | null
  cursor?: { value: unknown; id: number } | null
  limit: number
}) {
  return [
    input.code.trim().toUpperCase(),
    ...(input.bbox ?? [null, null, null, null]),
    input.cursor?.value ?? null,
    input.cursor?.id ?? null,
    input.limit,
    publicMediaBaseUrl(),
    MAP_LABELS,
  ]
}

export interface PublicMapRow {
  found: boolean
  more: boolean
  last_created_at: string | null
  last_id: number | null
  features: string
}

export const PUBLIC_MAP_LISTING = 'signalement.map'

/**
 * The GeoJSON FeatureCollection as sent: PostgreSQL's features spliced in as they are (no
 * parse, no transform, no re-serialisation), the page's meta beside them.
 */
export function publicMapBody(row: PublicMapRow, limit: number): string {
  const nextCursor =
    row.more && row.last_created_at !== null && row.last_id !== null
      ? encodeCursor(PUBLIC_MAP_LISTING, row.last_created_at, row.last_id)
      : null
  const meta = JSON.stringify({ next_cursor: nextCursor, limit })
  return `{"type":"FeatureCollection","features":${row.features},"meta":${meta}}`
}
