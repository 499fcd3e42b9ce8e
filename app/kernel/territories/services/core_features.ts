import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { allFeatures } from '#kernel/modules/registry'

/**
 * Switches the core features on for many authorities in one statement, in exactly the state
 * `SetFeatures` gives them (enabled, settings = defaults merged under the current ones): one
 * model save per authority took over two minutes for the 36,000 authorities of France. Rows
 * already in that state are not touched. Returns how many rows changed.
 */
export async function enableCoreFeatures(
  trx: TransactionClientContract,
  authorities: Array<{ kind: string; code: string }>
) {
  const core = allFeatures().filter((feature) => feature.kind === 'core')
  if (core.length === 0 || authorities.length === 0) return 0
  const bindings: string[] = []
  let expression = 'c.modules'
  for (const feature of core) {
    expression = `jsonb_set(${expression}, ARRAY[?::text], jsonb_build_object('enabled', true, 'settings',
      ?::jsonb || coalesce(c.modules -> ? -> 'settings', '{}'::jsonb)))`
    bindings.push(feature.key, JSON.stringify(feature.defaults ?? {}), feature.key)
  }
  const result = await trx.rawQuery(
    `UPDATE collectivities AS c SET modules = ${expression}, updated_at = now()
     WHERE (c.kind, c.code) IN (SELECT r.kind, r.code FROM json_to_recordset(?::json) AS r(kind text, code text))
       AND c.modules IS DISTINCT FROM ${expression}
     RETURNING c.id`,
    [...bindings, JSON.stringify(authorities), ...bindings]
  )
  return result.rows.length as number
}
