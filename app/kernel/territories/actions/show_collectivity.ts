import db from '@adonisjs/lucid/services/db'
import {
  SHOW_COLLECTIVITY_SQL,
  kindOfCode,
  type CollectivityDetailRow,
} from '#kernel/territories/queries/show_collectivity_sql'
import { NotFoundError } from '#kernel/http/errors'

/**
 * One authority by its official code (commune INSEE, EPCI SIREN, département code), with its
 * parents and counts. Unknown or malformed code: NotFoundError (404).
 */
export default class ShowCollectivity {
  async handle(input: { code: string }): Promise<CollectivityDetailRow> {
    const code = input.code.trim().toUpperCase()
    const kind = kindOfCode(code)
    const result = kind ? await db.rawQuery(SHOW_COLLECTIVITY_SQL, [kind, code]) : null
    const row = result?.rows[0] as CollectivityDetailRow | undefined
    if (!row) {
      throw new NotFoundError(
        `Aucune collectivité pour le code « ${input.code.slice(0, 20)} »`,
        'E_COLLECTIVITY_NOT_FOUND'
      )
    }
    return row
  }
}
