import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { CollectivityKind } from '#kernel/territories/models/collectivity'
import type {
  OnboardingPlan,
  PlannedAlias,
  PlannedCollectivity,
} from '#kernel/territories/cog/plan'

export interface WriteCounts {
  created: number
  updated: number
  unchanged: number
}

export interface PlanWriteResult {
  departement: WriteCounts
  epci: WriteCounts
  commune: WriteCounts
  alias: WriteCounts & { removed: number }
}

/**
 * Writes an onboarding plan in a handful of set-based statements (one bulk upsert per kind,
 * parents first so that children resolve their links by code). A row whose data did not change
 * is not touched (the upsert's WHERE clause), which is how created / updated / unchanged are
 * told apart without reading the rows first.
 */
export class PlanWriter {
  constructor(private trx: TransactionClientContract) {}

  async write(plan: OnboardingPlan, onStep?: (done: number) => void): Promise<PlanWriteResult> {
    const departement = await this.upsertCollectivities('departement', plan.departements)
    onStep?.(plan.departements.length)
    const epci = await this.upsertCollectivities('epci', plan.epcis)
    await this.syncEpciDepartements(plan)
    onStep?.(plan.epcis.length)
    const commune = await this.upsertCollectivities('commune', plan.communes)
    onStep?.(plan.communes.length)
    const alias = await this.syncAliases(plan.communes, plan.aliases)
    onStep?.(plan.aliases.length)
    return { departement, epci, commune, alias }
  }

  private async upsertCollectivities(
    kind: CollectivityKind,
    rows: PlannedCollectivity[]
  ): Promise<WriteCounts> {
    if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0 }
    const input = rows.map((row) => ({
      code: row.code,
      name: row.name,
      search_name: row.searchName,
      slug: row.slug,
      population: row.population,
      postal_codes: row.postalCodes,
      status: row.status,
      departement_code: row.departementCode,
      epci_code: row.epciCode,
    }))
    const result = await this.trx.rawQuery(
      `WITH input AS (
         SELECT * FROM json_to_recordset(?::json) AS r(
           code text, name text, search_name text, slug text, population integer,
           postal_codes text[], status text, departement_code text, epci_code text)
       )
       INSERT INTO collectivities AS c (kind, code, name, search_name, slug, population, postal_codes,
                                        status, departement_id, epci_id, created_at, updated_at)
       SELECT ?, i.code, i.name, i.search_name, i.slug, i.population, i.postal_codes, i.status,
              d.id, e.id, now(), now()
       FROM input i
       LEFT JOIN collectivities d ON d.kind = 'departement' AND d.code = i.departement_code
       LEFT JOIN collectivities e ON e.kind = 'epci' AND e.code = i.epci_code
       ON CONFLICT (kind, code) DO UPDATE SET
         name = excluded.name,
         search_name = excluded.search_name,
         population = excluded.population,
         postal_codes = excluded.postal_codes,
         departement_id = excluded.departement_id,
         epci_id = excluded.epci_id,
         status = CASE WHEN c.status = 'onboarded' THEN 'onboarded' ELSE excluded.status END,
         updated_at = now()
       WHERE (c.name, c.search_name, c.population, c.postal_codes, c.departement_id, c.epci_id)
             IS DISTINCT FROM
             (excluded.name, excluded.search_name, excluded.population, excluded.postal_codes,
              excluded.departement_id, excluded.epci_id)
          OR (excluded.status = 'onboarded' AND c.status <> 'onboarded')
       RETURNING (xmax = 0) AS created`,
      [JSON.stringify(input), kind]
    )
    return countRows(result.rows, rows.length)
  }

  /** The départements of each planned EPCI, exactly as the COG says (stale pairs removed). */
  private async syncEpciDepartements(plan: OnboardingPlan) {
    if (plan.epcis.length === 0) return
    const pairs = JSON.stringify(plan.epciDepartements)
    await this.trx.rawQuery(
      `DELETE FROM epci_departements ed
       USING collectivities e, collectivities d
       WHERE e.id = ed.epci_id AND d.id = ed.departement_id AND e.kind = 'epci'
         AND e.code IN (SELECT r.epci FROM json_to_recordset(?::json) AS r(epci text))
         AND (e.code, d.code) NOT IN (
           SELECT r.epci, r.departement FROM json_to_recordset(?::json) AS r(epci text, departement text))`,
      [pairs, pairs]
    )
    await this.trx.rawQuery(
      `INSERT INTO epci_departements (epci_id, departement_id)
       SELECT e.id, d.id
       FROM json_to_recordset(?::json) AS r(epci text, departement text)
       JOIN collectivities e ON e.kind = 'epci' AND e.code = r.epci
       JOIN collectivities d ON d.kind = 'departement' AND d.code = r.departement
       ON CONFLICT DO NOTHING`,
      [pairs]
    )
  }

  /** Aliases of the planned communes: upserted, and those the COG no longer lists removed. */
  private async syncAliases(communes: PlannedCollectivity[], aliases: PlannedAlias[]) {
    const input = JSON.stringify(
      aliases.map((alias) => ({
        kind: alias.kind,
        code: alias.code,
        name: alias.name,
        search_name: alias.searchName,
        postal_codes: alias.postalCodes,
        commune_code: alias.communeCode,
      }))
    )
    const removed = await this.trx.rawQuery(
      `DELETE FROM collectivity_aliases a
       USING collectivities c
       WHERE c.id = a.collectivity_id AND c.kind = 'commune'
         AND c.code IN (SELECT json_array_elements_text(?::json))
         AND (a.kind, a.code) NOT IN (
           SELECT r.kind, r.code FROM json_to_recordset(?::json) AS r(kind text, code text))
       RETURNING a.id`,
      [JSON.stringify(communes.map((commune) => commune.code)), input]
    )
    if (aliases.length === 0)
      return { created: 0, updated: 0, unchanged: 0, removed: removed.rows.length }
    const result = await this.trx.rawQuery(
      `INSERT INTO collectivity_aliases AS a (collectivity_id, kind, code, name, search_name, postal_codes)
       SELECT c.id, r.kind, r.code, r.name, r.search_name, r.postal_codes
       FROM json_to_recordset(?::json) AS r(
         kind text, code text, name text, search_name text, postal_codes text[], commune_code text)
       JOIN collectivities c ON c.kind = 'commune' AND c.code = r.commune_code
       ON CONFLICT (kind, code) DO UPDATE SET
         collectivity_id = excluded.collectivity_id,
         name = excluded.name,
         search_name = excluded.search_name,
         postal_codes = excluded.postal_codes
       WHERE (a.collectivity_id, a.name, a.search_name, a.postal_codes)
             IS DISTINCT FROM
             (excluded.collectivity_id, excluded.name, excluded.search_name, excluded.postal_codes)
       RETURNING (xmax = 0) AS created`,
      [input]
    )
    return { ...countRows(result.rows, aliases.length), removed: removed.rows.length }
  }
}

function countRows(rows: Array<{ created: boolean }>, planned: number): WriteCounts {
  const created = rows.filter((row) => row.created).length
  const updated = rows.length - created
  return { created, updated, unchanged: planned - created - updated }
}
