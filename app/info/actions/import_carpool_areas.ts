import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { readCsv, assertColumns, parseDecimal } from '#info/support/csv'
import { emptyReport, parseRows, rejectRow, type ImportReport } from '#info/support/import_report'
import { upsertPlaces, type PlaceCandidate } from '#info/support/place_upsert'

const REQUIRED = ['id_lieu', 'nom_lieu', 'insee', 'type', 'ouvert', 'Xlong', 'Ylat']
const ID_PATTERN = /^([013-9]\d|2[AB1-9])\d{3}-C-\d{3}$/

function parseBoolean(value: string): boolean | null {
  const lowered = value.trim().toLowerCase()
  if (['true', 'vrai', 'oui', '1'].includes(lowered)) return true
  if (['false', 'faux', 'non', '0'].includes(lowered)) return false
  return null
}

/**
 * Imports carpool areas from a file of the national schema `etalab/schema-lieux-covoiturage`
 * (one row per area, `id_lieu` as its id, WGS84 `Xlong`/`Ylat`, OSM `horaires`). Areas the file
 * marks closed (`ouvert` false) are kept unpublished.
 */
export default class ImportCarpoolAreas {
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
      (values) => values.id_lieu,
      (values, line, sourceId): PlaceCandidate => {
        if (!ID_PATTERN.test(sourceId)) {
          rejectRow(`id_lieu « ${sourceId} » ne suit pas le motif INSEE-C-NNN`)
        }
        if (!values.nom_lieu) rejectRow('nom_lieu vide')
        const lng = parseDecimal(values.Xlong)
        const lat = parseDecimal(values.Ylat)
        if (lng === null || lat === null) {
          rejectRow('coordonnées Xlong/Ylat absentes ou non numériques')
        }
        const open = parseBoolean(values.ouvert)
        if (open === null) rejectRow(`ouvert « ${values.ouvert} » n’est pas un booléen`)
        const places = Number.parseInt(values.nbre_pl ?? '', 10)
        const disabledPlaces = Number.parseInt(values.nbre_pmr ?? '', 10)
        return {
          line,
          sourceId,
          visible: open,
          input: {
            category: 'carpool_area',
            name: values.nom_lieu,
            description: values.comm ?? '',
            address: [values.ad_lieu, values.com_lieu].filter(Boolean).join(', ') || null,
            geometry: { type: 'Point', coordinates: [lng, lat] },
            openingHours: values.horaires || null,
            tags: disabledPlaces > 0 ? ['accessible'] : [],
            details: {
              areaType: values.type,
              capacity: Number.isFinite(places) ? places : undefined,
              disabledCapacity: Number.isFinite(disabledPlaces) ? disabledPlaces : undefined,
              owner: values.proprio || undefined,
              lighting: values.lumiere ? (parseBoolean(values.lumiere) ?? undefined) : undefined,
              insee: values.insee,
            },
          },
        }
      }
    )
    return upsertPlaces(collectivityId, 'schema-lieux-covoiturage', candidates, report, trx)
  }
}
