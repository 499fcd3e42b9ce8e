import db from '@adonisjs/lucid/services/db'
import {
  SEARCH_COLLECTIVITIES_SQL,
  searchCollectivitiesBindings,
  type CollectivitySearchRow,
  type SearchCollectivitiesParams,
} from '#kernel/territories/queries/search_collectivities_sql'
import { normalizeQuery } from '#kernel/territories/cog/normalize'

export const SEARCH_LIMIT = 20

/**
 * The citizen's "find my commune": by name (case, accents, hyphens, apostrophes and "St"
 * ignored; prefix and trigram similarity), postal code or official code. A commune déléguée
 * or associée leads to its commune nouvelle, saying through which name it matched.
 */
export default class SearchCollectivities {
  async handle(input: Omit<SearchCollectivitiesParams, 'limit'> & { limit?: number }) {
    if (normalizeQuery(input.q) === '') return []
    const bindings = searchCollectivitiesBindings({ ...input, limit: input.limit ?? SEARCH_LIMIT })
    const result = await db.rawQuery(SEARCH_COLLECTIVITIES_SQL, bindings)
    return result.rows as CollectivitySearchRow[]
  }
}
