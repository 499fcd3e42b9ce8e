import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError, ForbiddenError, NotFoundError } from '#kernel/http/errors'
import Collectivity from '#kernel/territories/models/collectivity'
import Open311ApiKey from '#signalement/models/open311_api_key'
import { audit, type AuditActor } from '#kernel/accounts/actions/record_audit'
import SubmitReport from '#signalement/actions/submit_report'
import { CATEGORY_LABELS, OPEN_STATUSES } from '#signalement/vocabulary'

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex')

/** Issues an Open311 API key for an authority; the key is returned once, only its hash is kept. */
export class IssueOpen311Key {
  async handle(input: { collectivityId: number; name: string; by?: AuditActor }) {
    const key = randomBytes(24).toString('base64url')
    const row = await db.transaction(async (trx) => {
      const created = await Open311ApiKey.create(
        {
          collectivityId: input.collectivityId,
          name: input.name.trim(),
          keyHash: hashOf(key),
          keyPrefix: key.slice(0, 8),
        },
        { client: trx }
      )
      await audit(
        {
          agent: input.by?.agent,
          ip: input.by?.ip,
          collectivityId: input.collectivityId,
          action: 'signalement.open311_key_issued',
          subject: { type: 'open311_key', id: created.id },
          after: { name: created.name, prefix: created.keyPrefix },
        },
        trx
      )
      return created
    })
    return { key, row }
  }
}

async function jurisdiction(code: string | undefined) {
  if (!code)
    throw new DomainError(
      'E_OPEN311',
      'jurisdiction_id est obligatoire (code de la collectivité)',
      400,
      'jurisdiction_id'
    )
  const authority = await Collectivity.query()
    .where('code', code.trim().toUpperCase())
    .where('status', 'onboarded')
    .first()
  if (!authority) throw new NotFoundError(`Juridiction inconnue : « ${code} »`, 'E_OPEN311')
  return authority
}

/** The services (enabled categories) of a jurisdiction, as GeoReport v2 lists them. */
export class ListOpen311Services {
  async handle(jurisdictionId: string | undefined, serviceCode?: string) {
    const authority = await jurisdiction(jurisdictionId)
    const query = db
      .from('signalement_categories')
      .where({ collectivity_id: authority.id, enabled: true })
      .orderBy('position')
    if (serviceCode) query.where('code', serviceCode)
    const rows = await query
    if (serviceCode && rows.length === 0)
      throw new NotFoundError(`Service inconnu : « ${serviceCode} »`, 'E_OPEN311')
    return rows.map((row) => ({
      service_code: row.code,
      service_name: row.label,
      description: row.label,
      metadata: false,
      type: 'realtime',
      keywords: '',
      group: 'signalement',
    }))
  }
}

const REQUEST_COLUMNS = `r.id, r.category_code, r.status, r.description, r.lat, r.lng, r.address,
  r.public_message, r.media_url, r.created_at, r.updated_at, r.resolved_at, a.code AS agency_code, a.name AS agency_name`

/** The spec's w3 date-time: seconds and the zone, as in `2010-01-01T00:00:00Z`. */
const w3 = (date: Date) =>
  DateTime.fromJSDate(date).toUTC().startOf('second').toISO({ suppressMilliseconds: true })

function requestJson(row: any) {
  return {
    service_request_id: String(row.id),
    status: OPEN_STATUSES.includes(row.status) ? 'open' : 'closed',
    status_notes: row.public_message,
    service_name: CATEGORY_LABELS[row.category_code] ?? row.category_code,
    service_code: row.category_code,
    description: row.description,
    agency_responsible: row.agency_name,
    service_notice: null,
    requested_datetime: w3(row.created_at),
    updated_datetime: w3(row.updated_at),
    expected_datetime: null,
    address: row.address,
    address_id: null,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
    media_url: row.media_url,
  }
}

/** GET requests: published reports of a jurisdiction (its territory), filtered as the spec says. */
export class ListOpen311Requests {
  async handle(input: {
    jurisdictionId?: string
    serviceRequestIds?: string[]
    serviceCode?: string
    startDate?: DateTime
    endDate?: DateTime
    status?: 'open' | 'closed'
  }) {
    const query = db
      .from('signalement_reports as r')
      .join('collectivities as a', 'a.id', 'r.collectivity_id')
      .join('collectivities as c', 'c.id', 'r.commune_id')
      .where('r.moderation', 'published')
      .select(db.raw(REQUEST_COLUMNS))
      .orderBy('r.created_at', 'desc')
      .limit(1000)
    if (input.jurisdictionId) {
      const authority = await jurisdiction(input.jurisdictionId)
      query.where((scope) =>
        scope
          .where('c.id', authority.id)
          .orWhere('c.epci_id', authority.id)
          .orWhere('c.departement_id', authority.id)
      )
    }
    if (input.serviceRequestIds?.length) {
      query.whereIn('r.id', input.serviceRequestIds.map(Number).filter(Number.isSafeInteger))
    } else {
      // The spec's default window: the last 90 days.
      query.where(
        'r.created_at',
        '>=',
        (input.startDate ?? DateTime.now().minus({ days: 90 })).toJSDate()
      )
      if (input.endDate) query.where('r.created_at', '<=', input.endDate.toJSDate())
    }
    if (input.serviceCode) query.where('r.category_code', input.serviceCode)
    if (input.status)
      query[input.status === 'open' ? 'whereIn' : 'whereNotIn']('r.status', OPEN_STATUSES)
    const rows = await query
    return rows.map(requestJson)
  }
}

export class ShowOpen311Request {
  async handle(id: string) {
    const rows = await new ListOpen311Requests().handle({ serviceRequestIds: [id] })
    if (rows.length === 0) throw new NotFoundError(`Demande inconnue : « ${id} »`, 'E_OPEN311')
    return rows
  }
}

/** POST requests: a valid api_key (403 otherwise), a known service (404), a position. */
export class SubmitOpen311Request {
  async handle(input: {
    apiKey?: string
    jurisdictionId?: string
    serviceCode?: string
    lat?: number
    long?: number
    addressString?: string
    description?: string
    email?: string
    firstName?: string
    lastName?: string
    /** Raw form values: a repeated field arrives as an array and is refused. */
    mediaUrl?: unknown
    deviceId?: unknown
  }) {
    const key = input.apiKey
      ? await Open311ApiKey.query()
          .where('keyHash', hashOf(input.apiKey))
          .whereNull('revokedAt')
          .first()
      : null
    if (!key) throw new ForbiddenError('api_key absente ou invalide', 'E_OPEN311')
    if (input.jurisdictionId) await jurisdiction(input.jurisdictionId)
    if (!input.serviceCode)
      throw new DomainError('E_OPEN311', 'service_code est obligatoire', 400, 'service_code')
    if (!CATEGORY_LABELS[input.serviceCode]) {
      const known = await db.from('signalement_categories').where('code', input.serviceCode).first()
      if (!known) throw new NotFoundError(`Service inconnu : « ${input.serviceCode} »`, 'E_OPEN311')
    }
    if (
      input.lat === undefined ||
      input.long === undefined ||
      !Number.isFinite(input.lat) ||
      !Number.isFinite(input.long)
    ) {
      // No geocoder is reachable: an address alone cannot be placed in a commune's shape, and
      // a guessed point would mislead the map and the duplicate check (ADR 0023).
      throw new DomainError(
        'E_OPEN311',
        input.addressString
          ? 'lat et long sont obligatoires : address_string seule ne peut pas être localisée (aucun géocodage), envoyez aussi la position'
          : 'lat et long sont obligatoires (position du signalement en WGS84)',
        400,
        'lat'
      )
    }
    const mediaUrl = open311MediaUrl(input.mediaUrl)
    const deviceId = open311DeviceId(input.deviceId)
    const name = [input.firstName, input.lastName].filter(Boolean).join(' ') || null
    const report = await new SubmitReport().handle({
      categoryCode: input.serviceCode,
      description: input.description?.trim() || '(sans description)',
      lat: input.lat,
      lng: input.long,
      address: input.addressString ?? null,
      reporter: { email: input.email ?? null, name, apiKeyId: key.id, mediaUrl, deviceId },
    })
    return [{ service_request_id: String(report.id), service_notice: null, account_id: null }]
  }
}

/**
 * `media_url` as the spec means it: a link to a photo the client hosts. Only an absolute
 * http(s) URL is kept (a `javascript:` or `file:` link must never reach an agent's page); it
 * is stored as given and never fetched here.
 */
function open311MediaUrl(value: unknown) {
  const refuse = () =>
    new DomainError(
      'E_OPEN311',
      'media_url doit être une adresse http ou https complète (2 048 caractères au plus)',
      400,
      'media_url'
    )
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw refuse()
  const text = value.trim()
  if (!text) return null
  if (text.length > 2048) throw refuse()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw refuse()
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) throw refuse()
  return text
}

function open311DeviceId(value: unknown) {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string' || value.trim().length > 255) {
    throw new DomainError(
      'E_OPEN311',
      'device_id doit être un texte de 255 caractères au plus',
      400,
      'device_id'
    )
  }
  return value.trim() || null
}
