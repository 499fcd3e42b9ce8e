import db from '@adonisjs/lucid/services/db'
import ImportMenus from '#info/actions/import_menus'
import ImportBikeLanes from '#info/actions/import_bike_lanes'
import ImportCarpoolAreas from '#info/actions/import_carpool_areas'
import ImportPlaces from '#info/actions/import_places'
import type { ImportReport } from '#info/support/import_report'
import { audit, type AuditActor } from '#kernel/accounts/actions/record_audit'
import { NotFoundError } from '#kernel/http/errors'

/** The imports an agent runs from the back-office, and the page each one lands on. */
export const IMPORTS = {
  'menus': { label: 'Menus (scdl/menus-collectifs, CSV)', run: ImportMenus, back: 'canteens' },
  'bike-lanes': { label: 'Aménagements cyclables (GeoJSON)', run: ImportBikeLanes, back: 'places' },
  'carpool': { label: 'Aires de covoiturage (CSV)', run: ImportCarpoolAreas, back: 'places' },
  'places': { label: 'Lieux (CSV générique)', run: ImportPlaces, back: 'places' },
} as const

export type ImportKind = keyof typeof IMPORTS

/**
 * Runs one import for an authority and records it in the audit log with its counts, in one
 * transaction: the rows and their record are written together or not at all (an import that
 * fails half-way leaves neither; a refused file records nothing).
 */
export default class RunImport {
  async handle(input: {
    kind: string
    collectivityId: number
    file: Buffer
    by?: AuditActor
  }): Promise<ImportReport> {
    const entry = IMPORTS[input.kind as ImportKind]
    if (!entry) throw new NotFoundError('Import inconnu')
    return db.transaction(async (trx) => {
      const report = await new entry.run().handle(input.collectivityId, input.file, trx)
      await audit(
        {
          agent: input.by?.agent ?? null,
          collectivityId: input.collectivityId,
          action: 'content.imported',
          subject: { type: 'import', id: input.kind },
          after: {
            title: entry.label,
            accepted: report.accepted,
            created: report.created,
            updated: report.updated,
            rejected: report.rejected.length,
          },
          ip: input.by?.ip ?? null,
        },
        trx
      )
      return report
    })
  }
}
