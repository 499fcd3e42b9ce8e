import db from '@adonisjs/lucid/services/db'
import type Collectivity from '#kernel/territories/models/collectivity'
import { DEFAULT_CATEGORIES } from '#signalement/vocabulary'

/**
 * Gives an authority the default catalogue (onboard hook; idempotent: rows an authority already
 * has, and its changes to them, are kept). The département carries the catalogue's handling
 * levels; EPCI and communes start with none of their own (they follow what is decided above).
 */
export default class SeedCategories {
  async handle(collectivity: Pick<Collectivity, 'id' | 'kind'>) {
    const now = new Date()
    const rows = DEFAULT_CATEGORIES.map((category, position) => ({
      collectivity_id: collectivity.id,
      code: category.code,
      label: category.label,
      handling_level: collectivity.kind === 'departement' ? category.level : null,
      enabled: true,
      position,
      created_at: now,
      updated_at: now,
    }))
    await db
      .table('signalement_categories')
      .multiInsert(rows)
      .onConflict(['collectivity_id', 'code'])
      .ignore()
  }
}
