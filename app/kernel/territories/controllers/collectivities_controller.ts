import type { HttpContext } from '@adonisjs/core/http'
import SearchCollectivities from '#kernel/territories/actions/search_collectivities'
import ShowCollectivity from '#kernel/territories/actions/show_collectivity'
import FindCommunesNear from '#kernel/territories/actions/find_communes_near'
import {
  parseNear,
  searchCollectivitiesValidator,
} from '#kernel/territories/validators/collectivity_validators'
import { DomainError } from '#kernel/http/errors'
import {
  CollectivityDetailTransformer,
  CollectivitySearchResultTransformer,
} from '#kernel/territories/transformers/collectivity_transformers'

/** The citizen API's collectivities: public reads (the apps' commune picker and header). */
export default class CollectivitiesController {
  async index({ request }: HttpContext) {
    const { q, near, kind } = await request.validateUsing(searchCollectivitiesValidator, {
      data: request.qs(),
    })
    if (near !== undefined) {
      if (q !== undefined || (kind !== undefined && kind !== 'commune')) {
        throw new DomainError(
          'E_NEAR_WITH_QUERY',
          'Recherchez soit par nom ou code postal, soit autour d’une position, pas les deux',
          422,
          'near'
        )
      }
      const rows = await new FindCommunesNear().handle(parseNear(near))
      return {
        data: rows.map((row) => ({
          ...new CollectivitySearchResultTransformer(row).toObject(),
          distance_m: row.distance_m,
        })),
      }
    }
    if (q === undefined) {
      throw new DomainError('E_VALIDATION_ERROR', 'Ce champ est obligatoire', 422, 'q')
    }
    const rows = await new SearchCollectivities().handle({ q, kind })
    return { data: rows.map((row) => new CollectivitySearchResultTransformer(row).toObject()) }
  }

  async show({ params }: HttpContext) {
    const row = await new ShowCollectivity().handle({ code: String(params.code) })
    return { data: new CollectivityDetailTransformer(row).toObject() }
  }
}
