import type { HttpContext } from '@adonisjs/core/http'
import { readPageRequest } from '#kernel/http/pagination'
import ListPlaces, { ShowPlace } from '#info/actions/list_places'
import { Audience } from '#info/support/audience'
import { idParamValidator, parseBbox, parseNear, placesQueryValidator } from '#info/validators/api'

/** The directory: producers, markets, accommodation, restaurants, soft mobility. */
export default class PlacesController {
  async index({ params, request, response }: HttpContext) {
    const query = await placesQueryValidator.validate(request.qs())
    const audience = await Audience.of(String(params.code))
    const body = await new ListPlaces().handle(
      audience,
      {
        category: query.category,
        openNow: query.open_now,
        near: parseNear(query.near, query.radius),
        bbox: parseBbox(query.bbox),
        format: query.format,
      },
      await readPageRequest(request)
    )
    if (query.format !== 'geojson') return body
    response.header('Content-Type', 'application/geo+json; charset=utf-8')
    return body
  }

  async show({ params }: HttpContext) {
    const { id } = await idParamValidator.validate({ id: params.id })
    return new ShowPlace().handle(await Audience.of(String(params.code)), id)
  }
}
