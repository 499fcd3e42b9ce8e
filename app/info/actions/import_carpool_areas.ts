import { readCsv, assertColumns, parseDecimal } from '#info/support/csv'
import { emptyReport, type ImportReport } from '#info/support/import_report'
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
  async handle(collectivityId: number, file: Buffer): Promise<ImportReport> {
    const { headers, rows } = readCsv(file)
    assertColumns(headers, REQUIRED)
    const report = emptyReport()
    const candidates: PlaceCandidate[] = []
    for (const { line, values, problem } of rows) {
      const sourceId = values.id_lieu
      const reject = (reason: string) =>
        report.rejected.push({ line, sourceId: sourceId || undefined, reason })
      if (problem) {
        reject(problem)
        continue
      }
      if (!ID_PATTERN.test(sourceId)) {
        reject(`id_lieu « ${sourceId} » ne suit pas le motif INSEE-C-NNN`)
        continue
      }
      if (!values.nom_lieu) {
        reject('nom_lieu vide')
        continue
      }
      const lng = parseDecimal(values.Xlong)
      const lat = parseDecimal(values.Ylat)
      if (lng === null || lat === null) {
        reject('coordonnées Xlong/Ylat absentes ou non numériques')
        continue
      }
      const open = parseBoolean(values.ouvert)
      if (open === null) {
        reject(`ouvert « ${values.ouvert} » n’est pas un booléen`)
        continue
      }
      const places = Number.parseInt(values.nbre_pl ?? '', 10)
      const disabledPlaces = Number.parseInt(values.nbre_pmr ?? '', 10)
      candidates.push({
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
      })
    }
    return upsertPlaces(collectivityId, 'schema-lieux-covoiturage', candidates, report)
  }
}
