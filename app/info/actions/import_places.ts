import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { readCsv, assertColumns, parseDecimal, parseList, slugWord } from '#info/support/csv'
import { emptyReport, parseRows, rejectRow, type ImportReport } from '#info/support/import_report'
import { upsertPlaces, type PlaceCandidate } from '#info/support/place_upsert'
import { PLACE_CATEGORIES, type PlaceCategory } from '#info/vocabulary'

/**
 * Columns of the generic places CSV (`;` or `,`, UTF-8 or Latin-1); see app/info/imports.md.
 * Required: id, categorie, nom. Optional: description, adresse, latitude, longitude, telephone,
 * email, site_web, horaires (OSM opening_hours), tags, produits, type_hebergement, capacite,
 * cuisine.
 */
const REQUIRED = ['id', 'categorie', 'nom']

const FRENCH_CATEGORIES: Record<string, PlaceCategory> = {
  'producteur': 'producer',
  'marche': 'market',
  'hebergement': 'accommodation',
  'restaurant': 'restaurant',
  'piste cyclable': 'bike_lane',
  'stationnement velo': 'bike_parking',
  'parking velo': 'bike_parking',
  'aire de covoiturage': 'carpool_area',
  'covoiturage': 'carpool_area',
  'autre': 'other',
}

function categoryOf(value: string): PlaceCategory | null {
  if ((PLACE_CATEGORIES as readonly string[]).includes(value)) return value as PlaceCategory
  return FRENCH_CATEGORIES[slugWord(value)] ?? null
}

/** Imports directory places (producers, markets, accommodation…) from the generic CSV. */
export default class ImportPlaces {
  async handle(
    collectivityId: number,
    file: Buffer,
    trx?: TransactionClientContract
  ): Promise<ImportReport> {
    const { headers, rows } = readCsv(file)
    assertColumns(headers, REQUIRED)
    const report = emptyReport()
    const candidates = parseRows(
      rows,
      report,
      (values) => values.id,
      (values, line, sourceId): PlaceCandidate => {
        if (!sourceId) rejectRow('id vide')
        if (!values.nom) rejectRow('nom vide')
        const category = categoryOf(values.categorie)
        if (!category) rejectRow(`catégorie inconnue « ${values.categorie} »`)
        const lat = parseDecimal(values.latitude ?? '')
        const lng = parseDecimal(values.longitude ?? '')
        if ((values.latitude || values.longitude) && (lat === null || lng === null)) {
          rejectRow('latitude/longitude non numériques ou incomplètes')
        }
        const capacity = Number.parseInt(values.capacite ?? '', 10)
        return {
          line,
          sourceId,
          input: {
            category,
            name: values.nom,
            description: values.description ?? '',
            address: values.adresse || null,
            lat,
            lng,
            phone: values.telephone || null,
            email: values.email || null,
            website: values.site_web || null,
            openingHours: values.horaires || null,
            tags: parseList(values.tags ?? ''),
            details: {
              products: values.produits ? parseList(values.produits) : undefined,
              accommodationType: values.type_hebergement || undefined,
              capacity: Number.isFinite(capacity) ? capacity : undefined,
              cuisine: values.cuisine || undefined,
            },
          },
        }
      }
    )
    return upsertPlaces(collectivityId, 'csv', candidates, report, trx)
  }
}
