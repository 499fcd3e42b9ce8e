import type { HttpContext } from '@adonisjs/core/http'
import { readPageRequest } from '#kernel/http/pagination'
import SubmitReport from '#signalement/actions/submit_report'
import SupportReport from '#signalement/actions/support_report'
import FlagReport from '#signalement/actions/flag_report'
import {
  ListCitizenReports,
  ListPublicReports,
  NearbyReports,
  PublicReportsMap,
  ShowPublicReport,
} from '#signalement/actions/read_public_reports'
import {
  createReportValidator,
  flagValidator,
  nearbyQueryValidator,
  parseBbox,
  publicReportsQueryValidator,
  reportIdValidator,
} from '#signalement/validators/api'

/** Citizen API of incident reports. */
export default class ReportsController {
  async store({ auth, request, response }: HttpContext) {
    const citizen = auth.use('api').getUserOrFail()
    const body = await createReportValidator.validate(request.body())
    const report = await new SubmitReport().handle({
      categoryCode: body.category,
      description: body.description,
      lat: body.position.lat,
      lng: body.position.lng,
      address: body.address ?? null,
      mediaIds: body.media_ids,
      anonymous: body.anonymous,
      reporter: { citizenId: citizen.id },
    })
    response.status(201)
    return new ShowPublicReport().handle(report.id, citizen.id)
  }

  async mine({ auth, request }: HttpContext) {
    const citizen = auth.use('api').getUserOrFail()
    return new ListCitizenReports().handle(citizen.id, await readPageRequest(request))
  }

  async show({ auth, params }: HttpContext) {
    const { id } = await reportIdValidator.validate({ id: params.id })
    const viewer = (await auth.use('api').check()) ? auth.use('api').user!.id : null
    return new ShowPublicReport().handle(id, viewer)
  }

  async territory({ params, request, response }: HttpContext) {
    const query = await publicReportsQueryValidator.validate(request.qs())
    const input = { code: String(params.code), bbox: parseBbox(query.bbox) }
    const page = await readPageRequest(request)
    if (query.format !== 'geojson') return new ListPublicReports().handle(input, page)
    const body = await new PublicReportsMap().handle(input, page)
    response.header('Content-Type', 'application/geo+json; charset=utf-8')
    return body
  }

  async nearby({ request }: HttpContext) {
    const query = await nearbyQueryValidator.validate(request.qs())
    return new NearbyReports().handle(query)
  }

  async support({ auth, params, response }: HttpContext) {
    const { id } = await reportIdValidator.validate({ id: params.id })
    response.status(201)
    return { data: await new SupportReport().handle(id, auth.use('api').getUserOrFail().id) }
  }

  async flag({ auth, params, request, response }: HttpContext) {
    const { id } = await reportIdValidator.validate({ id: params.id })
    const { reason } = await flagValidator.validate(request.body())
    response.status(201)
    return {
      data: await new FlagReport().handle(id, auth.use('api').getUserOrFail().id, reason ?? null),
    }
  }
}
