import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import env from '#start/env'
import {
  ListOpen311Requests,
  ListOpen311Services,
  ShowOpen311Request,
  SubmitOpen311Request,
} from '#signalement/actions/open311'
import { open311Body, splitFormat, type Open311Format } from '#signalement/support/open311_format'

type Kind = Parameters<typeof open311Body>[0]

/**
 * Open311 GeoReport v2 (`/open311/v2`): every resource as `.json` or `.xml`; refusals in the
 * spec's own error list `[{ code, description }]` with 400, 403 or 404.
 */
export default class GeoReportController {
  async resource(ctx: HttpContext) {
    const parsed = splitFormat(String(ctx.params.file))
    const format: Open311Format = parsed?.[1] ?? 'json'
    return this.answer(ctx, format, async () => {
      if (!parsed) throw Object.assign(new Error('Format attendu : .json ou .xml'), { status: 404 })
      const [name] = parsed
      const input = ctx.request.all()
      if (name === 'discovery' && ctx.request.method() === 'GET')
        return ['discovery', this.discovery()]
      if (name === 'services' && ctx.request.method() === 'GET') {
        return ['services', await new ListOpen311Services().handle(input.jurisdiction_id)]
      }
      if (name === 'requests' && ctx.request.method() === 'GET') {
        return [
          'requests',
          await new ListOpen311Requests().handle({
            jurisdictionId: input.jurisdiction_id,
            serviceRequestIds: input.service_request_id
              ? String(input.service_request_id).split(',')
              : undefined,
            serviceCode: input.service_code,
            startDate: date(input.start_date),
            endDate: date(input.end_date),
            status: input.status === 'open' || input.status === 'closed' ? input.status : undefined,
          }),
        ]
      }
      if (name === 'requests' && ctx.request.method() === 'POST') {
        ctx.response.status(201)
        return [
          'requests',
          await new SubmitOpen311Request().handle({
            apiKey: input.api_key,
            jurisdictionId: input.jurisdiction_id,
            serviceCode: input.service_code,
            lat: input.lat === undefined ? undefined : Number(input.lat),
            long: input.long === undefined ? undefined : Number(input.long),
            addressString: input.address_string,
            description: input.description,
            email: input.email,
            firstName: input.first_name,
            lastName: input.last_name,
            mediaUrl: input.media_url,
            deviceId: input.device_id,
          }),
        ]
      }
      throw Object.assign(new Error(`Ressource inconnue : ${name}`), { status: 404 })
    })
  }

  async item(ctx: HttpContext) {
    const parsed = splitFormat(String(ctx.params.file))
    const format: Open311Format = parsed?.[1] ?? 'json'
    return this.answer(ctx, format, async () => {
      if (!parsed) throw Object.assign(new Error('Format attendu : .json ou .xml'), { status: 404 })
      const [id] = parsed
      if (ctx.params.collection === 'services') {
        const [service] = await new ListOpen311Services().handle(
          ctx.request.input('jurisdiction_id'),
          id
        )
        return ['definition', { service_code: service.service_code, attributes: [] }]
      }
      if (ctx.params.collection === 'requests')
        return ['requests', await new ShowOpen311Request().handle(id)]
      if (ctx.params.collection === 'tokens') {
        // Every service is `realtime`: POST answers with the service_request_id, never a token.
        throw Object.assign(
          new Error(
            `Jeton inconnu : « ${id} » (ce serveur ne délivre pas de jetons : POST requests renvoie directement service_request_id)`
          ),
          { status: 404 }
        )
      }
      throw Object.assign(new Error('Ressource inconnue'), { status: 404 })
    })
  }

  private discovery() {
    const url = `${env.get('APP_URL').replace(/\/$/, '')}/open311/v2/`
    return {
      changeset: '2026-12-01T00:00:00Z',
      contact: 'Bastide — signalements des collectivités',
      key_service: 'Clés délivrées par chaque collectivité dans son espace d’administration',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url,
          changeset: '2026-12-01T00:00:00Z',
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ],
    }
  }

  private async answer(
    { response }: HttpContext,
    format: Open311Format,
    run: () => Promise<[Kind, unknown]>
  ) {
    try {
      const [kind, value] = await run()
      const body = open311Body(kind, value, format)
      response.header('Content-Type', body.type)
      return response.send(body.text)
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500
      if (status >= 500) throw error
      const code = status === 422 ? 400 : status
      const body = open311Body('errors', [{ code, description: (error as Error).message }], format)
      response.status(code).header('Content-Type', body.type)
      return response.send(body.text)
    }
  }
}

function date(value: unknown): DateTime | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  const parsed = DateTime.fromISO(value)
  if (!parsed.isValid) {
    throw Object.assign(new Error(`Date invalide : « ${value} » (ISO 8601 attendu)`), {
      status: 400,
    })
  }
  return parsed
}
