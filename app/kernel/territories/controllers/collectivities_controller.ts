import type { HttpContext } from '@adonisjs/core/http'
import SearchCollectivities from '#kernel/territories/actions/search_collectivities'
import ShowCollectivity from '#kernel/territories/actions/show_collectivity'
import { searchCollectivitiesValidator } from '#kernel/territories/validators/collectivity_validators'
import {
  CollectivityDetailTransformer,
  CollectivitySearchResultTransformer,
} from '#kernel/territories/transformers/collectivity_transformers'

/** The citizen API's collectivities: public reads (the apps' commune picker and header). */
export default class CollectivitiesController {
  async index({ request }: HttpContext) {
    const { q, kind } = await request.validateUsing(searchCollectivitiesValidator, {
      data: request.qs(),
    })
    const rows = await new SearchCollectivities().handle({ q, kind })
    return { data: rows.map((row) => new CollectivitySearchResultTransformer(row).toObject()) }
  }

  async show({ params }: HttpContext) {
    const row = await new ShowCollectivity().handle({ code: String(params.code) })
    return { data: new CollectivityDetailTransformer(row).toObject() }
  }
}
