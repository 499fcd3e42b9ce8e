import { basename } from 'node:path'
import { readFile } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#kernel/http/errors'
import { loadCogData } from '#kernel/territories/cog/cog'
import {
  readBoundaryFeatures,
  type BoundaryFeature,
} from '#kernel/territories/boundaries/geojson_features'

export type BoundaryLevel = 'commune' | 'departement'

export interface BoundariesReport {
  level: BoundaryLevel
  features: number
  /** Codes that are today's authorities. */
  matched: number
  /** Old codes (communes merged since the file was made) and the commune nouvelle they joined. */
  merged: Array<{ code: string; into: string }>
  /** Codes neither in the COG's current communes nor known (or not yet imported) here. */
  unknown: string[]
  /** Authorities whose shape was written (merged shapes united into one). */
  written: number
  /** EPCI whose shape was recomputed as the union of their communes. */
  epcis: number
}

/**
 * Imports commune or département boundaries from a GeoJSON file (properties.code = INSEE code,
 * the shape of geo.api.gouv.fr and IGN ADMIN EXPRESS). Codes of communes merged since the
 * file's year are mapped to their commune nouvelle through the COG and their shapes united;
 * EPCI shapes are then the union of their communes. All or nothing: the whole file is checked
 * before one transaction writes it; a rerun replaces the same shapes (idempotent).
 */
export default class ImportBoundaries {
  async handle(input: {
    path?: string
    text?: string
    level: BoundaryLevel
  }): Promise<BoundariesReport> {
    const text = input.text ?? (await this.read(input.path!))
    const features = readBoundaryFeatures(text)
    const targets = await this.targets(features, input.level)
    const source = input.path ? basename(input.path) : 'geojson'

    const byCollectivity = new Map<number, BoundaryFeature[]>()
    for (const { feature, collectivityId } of targets.found) {
      byCollectivity.set(collectivityId, [...(byCollectivity.get(collectivityId) ?? []), feature])
    }
    const rows = [...byCollectivity].flatMap(([id, group]) =>
      group.map((feature) => ({ id, geometry: feature.geometry }))
    )

    const epcis = await db.transaction(async (trx) => {
      if (rows.length > 0) await this.write(trx, rows, source)
      return input.level === 'commune' ? this.unionEpcis(trx, [...byCollectivity.keys()]) : 0
    })
    return {
      level: input.level,
      features: features.length,
      matched: targets.matched,
      merged: targets.merged,
      unknown: targets.unknown,
      written: byCollectivity.size,
      epcis,
    }
  }

  private async read(path: string) {
    try {
      return await readFile(path, 'utf8')
    } catch {
      throw new DomainError('E_BOUNDARIES_FILE', `Fichier illisible : ${path}`, 422, 'file')
    }
  }

  /** Today's authority of each feature's code, with the COG's merges for communes. */
  private async targets(features: BoundaryFeature[], level: BoundaryLevel) {
    const current = await this.currentCodes(level)
    const rows = await db
      .from('collectivities')
      .where('kind', level)
      .whereIn('code', [
        ...new Set(features.map((feature) => current.get(feature.code) ?? feature.code)),
      ])
      .select('id', 'code')
    const idByCode = new Map(rows.map((row) => [row.code as string, row.id as number]))

    const found: Array<{ feature: BoundaryFeature; collectivityId: number }> = []
    const merged: BoundariesReport['merged'] = []
    const unknown: string[] = []
    let matched = 0
    for (const feature of features) {
      const code = current.get(feature.code)
      const id = code ? idByCode.get(code) : undefined
      if (!code || id === undefined) {
        unknown.push(feature.code)
        continue
      }
      if (code === feature.code) matched += 1
      else merged.push({ code: feature.code, into: code })
      found.push({ feature, collectivityId: id })
    }
    return { found, merged, matched, unknown }
  }

  /** Code in the file → today's code: current ones map to themselves, merged ones to their chef-lieu. */
  private async currentCodes(level: BoundaryLevel): Promise<Map<string, string>> {
    const cog = await loadCogData()
    const map = new Map<string, string>()
    if (level === 'departement') {
      for (const departement of cog.departements) map.set(departement.code, departement.code)
      return map
    }
    for (const commune of cog.communes) {
      if (commune.type === 'commune-actuelle') map.set(commune.code, commune.code)
    }
    for (const commune of cog.communes) {
      const merged = commune.type === 'commune-deleguee' || commune.type === 'commune-associee'
      if (merged && commune.chefLieu && !map.has(commune.code))
        map.set(commune.code, commune.chefLieu)
    }
    return map
  }

  private async write(
    trx: TransactionClientContract,
    rows: Array<{ id: number; geometry: unknown }>,
    source: string
  ) {
    try {
      await trx.rawQuery(
        `INSERT INTO collectivity_boundaries (collectivity_id, shape, source, updated_at)
         SELECT r.id,
                ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(
                  ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry::text), 4326))
                )), 3)),
                ?, now()
         FROM json_to_recordset(?::json) AS r(id int, geometry json)
         GROUP BY r.id
         ON CONFLICT (collectivity_id) DO UPDATE
           SET shape = EXCLUDED.shape, source = EXCLUDED.source, updated_at = EXCLUDED.updated_at`,
        [source, JSON.stringify(rows)]
      )
    } catch (error) {
      throw new DomainError(
        'E_BOUNDARIES_FILE',
        `Géométrie refusée par PostGIS : ${(error as Error).message}`,
        422,
        'file'
      )
    }
  }

  /** EPCI of the given communes: their shape becomes the union of their communes' shapes. */
  private async unionEpcis(trx: TransactionClientContract, communeIds: number[]) {
    if (communeIds.length === 0) return 0
    const result = await trx.rawQuery(
      `INSERT INTO collectivity_boundaries (collectivity_id, shape, source, updated_at)
       SELECT c.epci_id, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(b.shape)), 3)),
              'union des communes', now()
       FROM collectivities c
       JOIN collectivity_boundaries b ON b.collectivity_id = c.id
       WHERE c.kind = 'commune'
         AND c.epci_id IN (SELECT epci_id FROM collectivities WHERE id = ANY(?::int[]))
       GROUP BY c.epci_id
       ON CONFLICT (collectivity_id) DO UPDATE
         SET shape = EXCLUDED.shape, source = EXCLUDED.source, updated_at = EXCLUDED.updated_at`,
      [communeIds]
    )
    return result.rowCount ?? 0
  }
}
