/** The columns of a report as the public sees it, with its visible photos and video. */
const PUBLIC_COLUMNS = `r.id, r.category_code, r.status, r.moderation, r.description, r.lat, r.lng,
    r.address, r.supports_count, r.public_message, r.created_at, r.acknowledged_at, r.resolved_at,
    r.merged_into_id, c.code AS commune_code, c.name AS commune_name,
    COALESCE((SELECT json_agg(json_build_object('id', m.id, 'kind', m.kind, 'variants', m.variants)
                              ORDER BY rm.position)
              FROM signalement_report_media rm JOIN media m ON m.id = rm.media_id
              WHERE rm.report_id = r.id AND rm.hidden_at IS NULL AND m.state = 'ready'), '[]') AS media`

/**
 * One report by id (any moderation state: the caller decides who may see it), with its
 * reporter's id for that decision alone (publicReportJson never shows it).
 */
export const REPORT_BY_ID_SQL = `SELECT ${PUBLIC_COLUMNS}, r.citizen_id AS reporter_citizen_id
  FROM signalement_reports r JOIN collectivities c ON c.id = r.commune_id
  WHERE r.id = ?`

/** A citizen's own reports, newest first (keyset on created_at, id). */
export const CITIZEN_REPORTS_SQL = `SELECT ${PUBLIC_COLUMNS}
  FROM signalement_reports r JOIN collectivities c ON c.id = r.commune_id
  WHERE r.citizen_id = $1
    AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2, $3))
  ORDER BY r.created_at DESC, r.id DESC
  LIMIT $4`

/**
 * The public reports of a territory (a commune, or every commune of an EPCI or a département),
 * newest first: the citizen map's one statement, shared with the benchmark's bare `pg`
 * baseline. Parameters: territory id, bbox (4 numbers or nulls), cursor (created_at, id or
 * nulls), limit.
 */
export const PUBLIC_REPORTS_SQL = `SELECT ${PUBLIC_COLUMNS}
  FROM signalement_reports r
  JOIN collectivities c ON c.id = r.commune_id
  WHERE r.moderation = 'published' AND r.merged_into_id IS NULL
    AND (c.id = $1 OR c.epci_id = $1 OR c.departement_id = $1)
    AND ($2::float8 IS NULL OR r.position && ST_MakeEnvelope($2, $3, $4, $5, 4326))
    AND ($6::timestamptz IS NULL OR (r.created_at, r.id) < ($6, $7))
  ORDER BY r.created_at DESC, r.id DESC
  LIMIT $8`

/** An instant as `Date.prototype.toISOString()` writes it (UTC, milliseconds, `Z`). */
const isoMs = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** A media item as `publicReportJson` shows it: its public variants ($9: media base URL). */
const MEDIA_ITEM = `json_build_object('id', m.id, 'variants',
    (SELECT COALESCE(json_agg(json_build_object('name', v->>'name', 'url', $9 || '/' || (v->>'key'),
       'mime', v->>'mime', 'width', v->'width', 'height', v->'height') ORDER BY v.n), '[]')
     FROM jsonb_array_elements(m.variants) WITH ORDINALITY AS v(v, n)))`

/** `publicReportFeature` built by PostgreSQL ($10: `{categories, statuses}` labels). */
const FEATURE = `json_build_object('type', 'Feature', 'id', r.id,
    'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(r.lng, r.lat)),
    'properties', json_build_object(
      'id', r.id,
      'category', json_build_object('code', r.category_code,
         'label', COALESCE($10::jsonb->'categories'->>r.category_code, r.category_code)),
      'status', r.status,
      'status_label', $10::jsonb->'statuses'->>r.status,
      'description', r.description,
      'address', r.address,
      'commune', json_build_object('code', r.commune_code, 'name', r.commune_name),
      'photos', COALESCE(md.photos, '[]'),
      'video', md.video,
      'supports_count', r.supports_count,
      'public_message', r.public_message,
      'created_at', ${isoMs('r.created_at')},
      'acknowledged_at', ${isoMs('r.acknowledged_at')},
      'resolved_at', ${isoMs('r.resolved_at')}))`

/**
 * The public map as GeoJSON, in one statement that PostgreSQL answers with the features already
 * serialised (ADR 0029): the territory by code, the page of its published reports (the same
 * filters, order and keyset as PUBLIC_REPORTS_SQL, the bbox through the partial GiST index),
 * then the JSON of the shown rows only (their columns carried from the scan, no second read).
 * Shared with the benchmark's bare `pg` baseline.
 * Parameters: code, bbox (4 numbers or nulls), cursor (created_at, id or nulls), limit, media
 * base URL, labels. One row: `found` (the territory exists), `features` (JSON text), `more`,
 * and the last shown row's `last_created_at` (microseconds, for an exact cursor) and `last_id`.
 */
export const PUBLIC_MAP_SQL = `WITH territory AS (
    SELECT id FROM collectivities WHERE code = $1 AND status = 'onboarded' LIMIT 1
  ), page AS (
    SELECT r.id, r.category_code, r.status, r.description, r.lat, r.lng, r.address,
      r.supports_count, r.public_message, r.created_at, r.acknowledged_at, r.resolved_at,
      c.code AS commune_code, c.name AS commune_name
    FROM territory t
    JOIN collectivities c ON c.id = t.id OR c.epci_id = t.id OR c.departement_id = t.id
    JOIN signalement_reports r ON r.commune_id = c.id
    WHERE r.moderation = 'published' AND r.merged_into_id IS NULL
      AND ($2::float8 IS NULL OR r.position && ST_MakeEnvelope($2, $3, $4, $5, 4326))
      AND ($6::timestamptz IS NULL OR (r.created_at, r.id) < ($6, $7))
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT $8::int + 1
  ), shown AS (
    SELECT * FROM page ORDER BY created_at DESC, id DESC LIMIT $8::int
  ), last AS (
    SELECT * FROM shown ORDER BY created_at, id LIMIT 1
  ), visible_media AS (
    -- One join for the page's media rather than two subqueries per report (half the statement's time).
    SELECT rm.report_id,
      json_agg(${MEDIA_ITEM} ORDER BY rm.position) FILTER (WHERE m.kind = 'image') AS photos,
      (array_agg(${MEDIA_ITEM} ORDER BY rm.position) FILTER (WHERE m.kind = 'video'))[1] AS video
    FROM shown s
    JOIN signalement_report_media rm ON rm.report_id = s.id AND rm.hidden_at IS NULL
    JOIN media m ON m.id = rm.media_id AND m.state = 'ready'
    GROUP BY rm.report_id
  )
  SELECT EXISTS (SELECT 1 FROM territory) AS found,
    (SELECT count(*) FROM page) > $8::int AS more,
    (SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') FROM last) AS last_created_at,
    (SELECT id FROM last) AS last_id,
    (SELECT COALESCE(json_agg(${FEATURE} ORDER BY r.created_at DESC, r.id DESC), '[]')::text
     FROM shown r LEFT JOIN visible_media md ON md.report_id = r.id) AS features`

/** Great-circle distance in metres from ($1 lng, $2 lat) to the report (haversine, plain SQL). */
const DISTANCE = `(2 * 6371008.8 * asin(sqrt(
    power(sin(radians(r.lat - $2) / 2), 2)
    + cos(radians($2)) * cos(radians(r.lat)) * power(sin(radians(r.lng - $1) / 2), 2))))`

/**
 * Open, published reports of a category within a radius ($4 metres), nearest first. The box
 * ($5..$8, the radius in degrees around the point) lets the GiST index cut; the exact test is
 * the haversine distance. Nothing here reads PostGIS's `spatial_ref_sys` (no geography, no
 * spheroid), which the test suites' truncation of every table empties.
 */
export const NEARBY_REPORTS_SQL = `SELECT ${PUBLIC_COLUMNS}, ${DISTANCE} AS distance
  FROM signalement_reports r JOIN collectivities c ON c.id = r.commune_id
  WHERE r.status IN ('submitted', 'acknowledged', 'in_progress')
    AND r.moderation = 'published' AND r.merged_into_id IS NULL
    AND ($3::text IS NULL OR r.category_code = $3)
    AND r.position && ST_MakeEnvelope($5, $6, $7, $8, 4326)
    AND ${DISTANCE} <= $4
  ORDER BY distance, r.id
  LIMIT 20`

/** The box of `metres` around a point, in degrees (a little wider than the circle). */
export function boxAround(lat: number, lng: number, metres: number) {
  const dLat = (metres / 111_320) * 1.01
  const dLng = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01)
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat]
}

/**
 * Runs a `$n` statement through Lucid, whose raw queries take `?` placeholders: each `$n`
 * becomes `?` with its value repeated in order. The bare `pg` benchmark runs the `$n` text as is.
 */
export function positional(sql: string, params: unknown[]): [string, unknown[]] {
  const bindings: unknown[] = []
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    bindings.push(params[Number(n) - 1])
    return '?'
  })
  return [text, bindings]
}
