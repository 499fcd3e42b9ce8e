import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#kernel/http/errors'
import { emptyReport, type ImportReport } from '#info/support/import_report'
import { upsertPlaces, type PlaceCandidate } from '#info/support/place_upsert'

/** Readable names of the schema's `ame_d`/`ame_g` values (cycle facility kinds). */
const FACILITY_LABELS: Record<string, string> = {
  'PISTE CYCLABLE': 'Piste cyclable',
  'BANDE CYCLABLE': 'Bande cyclable',
  'DOUBLE SENS CYCLABLE PISTE': 'Double sens cyclable (piste)',
  'DOUBLE SENS CYCLABLE BANDE': 'Double sens cyclable (bande)',
  'DOUBLE SENS CYCLABLE NON MATERIALISE': 'Double sens cyclable',
  'VOIE VERTE': 'Voie verte',
  'VELO RUE': 'Vélorue',
  'COULOIR BUS+VELO': 'Couloir bus et vélo',
  'RAMPE': 'Rampe',
  'GOULOTTE': 'Goulotte',
  'ACCOTEMENT REVETU HORS CVCB': 'Accotement revêtu',
  'CHAUSSEE A VOIE CENTRALE BANALISEE': 'Chaussée à voie centrale banalisée',
  'AMENAGEMENT MIXTE PIETON VELO HORS VOIE VERTE': 'Aménagement mixte piéton-vélo',
  'AUTRE': 'Aménagement cyclable',
}

const KEPT_PROPERTIES = [
  'ame_d',
  'ame_g',
  'regime_d',
  'regime_g',
  'sens_d',
  'sens_g',
  'statut_d',
  'statut_g',
  'revet_d',
  'revet_g',
  'largeur_d',
  'largeur_g',
  'trafic_vit',
  'access_ame',
  'num_iti',
  'date_maj',
  'code_com_d',
  'code_com_g',
]

function facilityName(properties: Record<string, unknown>): string {
  const kinds = [properties.ame_d, properties.ame_g]
    .map((value) => String(value ?? '').toUpperCase())
    .filter((value) => value && value !== 'AUCUN')
  const label = FACILITY_LABELS[kinds[0]] ?? 'Aménagement cyclable'
  return properties.num_iti ? `${label} — itinéraire ${properties.num_iti}` : label
}

/**
 * Imports bike lanes from a GeoJSON FeatureCollection of the national schema
 * `etalab/schema-amenagements-cyclables` (LineString features, `id_local` as their id,
 * `ame_d`/`ame_g` for the facility on each side). A feature of another geometry is rejected.
 */
export default class ImportBikeLanes {
  async handle(
    collectivityId: number,
    file: Buffer,
    trx?: TransactionClientContract
  ): Promise<ImportReport> {
    let collection: { type?: unknown; features?: unknown }
    try {
      collection = JSON.parse(file.toString('utf8').replace(/^\uFEFF/, ''))
    } catch (error) {
      throw new DomainError(
        'E_GEOJSON_UNREADABLE',
        `GeoJSON illisible : ${(error as Error).message}`,
        422,
        'file'
      )
    }
    if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
      throw new DomainError(
        'E_GEOJSON_UNREADABLE',
        'Le fichier doit être une FeatureCollection GeoJSON',
        422,
        'file'
      )
    }
    const report = emptyReport()
    const candidates: PlaceCandidate[] = []
    collection.features.forEach((feature: any, index: number) => {
      const line = index + 1
      const properties: Record<string, unknown> = feature?.properties ?? {}
      const sourceId = String(properties.id_local ?? properties.id_osm ?? feature?.id ?? '').trim()
      if (!sourceId) {
        report.rejected.push({ line, reason: 'objet sans id_local ni id_osm' })
        return
      }
      const details: Record<string, unknown> = {}
      for (const key of KEPT_PROPERTIES)
        if (properties[key] !== undefined && properties[key] !== null)
          details[key] = properties[key]
      candidates.push({
        line,
        sourceId,
        input: {
          category: 'bike_lane',
          name: facilityName(properties),
          description: typeof properties.comm === 'string' ? properties.comm : '',
          geometry: feature?.geometry ?? null,
          tags:
            properties.ame_d === 'VOIE VERTE' || properties.ame_g === 'VOIE VERTE'
              ? ['voie_verte']
              : [],
          details,
        },
      })
    })
    return upsertPlaces(collectivityId, 'schema-amenagements-cyclables', candidates, report, trx)
  }
}
