import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/http/errors'
import type { ModuleStates } from '#kernel/territories/models/collectivity'
import FindCommuneAt from '#kernel/territories/actions/find_commune_at'
import { DEFAULT_CATEGORIES, type HandlingLevel } from '#signalement/vocabulary'
import { reportSettingsOf, type ReportSettings } from '#signalement/support/settings'
import { LINEAGE_CATEGORY_SQL } from '#signalement/support/routing_sql'

export interface RouteDecision {
  communeId: number
  handler: { id: number; kind: string; code: string; name: string }
  level: HandlingLevel
  categoryLabel: string
  settings: ReportSettings
}

interface LineageRow {
  id: number
  kind: 'commune' | 'epci' | 'departement'
  code: string
  name: string
  modules: ModuleStates
  enabled: boolean | null
  handling_level: HandlingLevel | null
  label: string | null
}

const refuse = (code: string, message: string, field: string) =>
  new DomainError(code, message, 422, field)

/**
 * Decides who handles a report: the commune is the one whose shape holds the point; the
 * category's level is the first one set on the way up (commune, EPCI, département, catalogue),
 * so an EPCI that takes "dépôt sauvage" takes it for all its communes. Refused (422) outside
 * every onboarded commune, for a category switched off there or by its handler, and when the
 * handler has not opened reports.
 */
export default class RouteReport {
  async handle(input: { lat: number; lng: number; categoryCode: string }): Promise<RouteDecision> {
    const communeId = await FindCommuneAt.idAt(input)
    if (communeId === null) {
      throw refuse(
        'E_OUTSIDE_TERRITORY',
        'Ce point n’est dans aucune commune couverte par Bastide',
        'position'
      )
    }
    const { rows } = await db.rawQuery<{ rows: LineageRow[] }>(LINEAGE_CATEGORY_SQL, [
      input.categoryCode,
      communeId,
    ])
    const byKind = new Map(rows.map((row) => [row.kind, row]))
    const commune = byKind.get('commune')!
    const catalogue = DEFAULT_CATEGORIES.find((category) => category.code === input.categoryCode)
    if (!rows.some((row) => row.label !== null) && !catalogue) {
      throw refuse('E_UNKNOWN_CATEGORY', 'Catégorie inconnue', 'category')
    }
    const switchedOff = () =>
      refuse(
        'E_CATEGORY_DISABLED',
        `Cette catégorie n’est pas proposée à ${commune.name}`,
        'category'
      )
    if (commune.enabled === false) throw switchedOff()

    const level =
      commune.handling_level ??
      byKind.get('epci')?.handling_level ??
      byKind.get('departement')?.handling_level ??
      catalogue?.level ??
      'commune'
    const handler = byKind.get(level)
    if (!handler) {
      throw refuse(
        'E_NO_HANDLER',
        `Aucune collectivité ne traite cette catégorie à ${commune.name}`,
        'category'
      )
    }
    if (handler.enabled === false) throw switchedOff()
    if (handler.modules?.reports?.enabled !== true) {
      throw refuse(
        'E_REPORTS_CLOSED',
        `${handler.name} ne reçoit pas encore de signalements`,
        'category'
      )
    }
    return {
      communeId,
      handler: { id: handler.id, kind: handler.kind, code: handler.code, name: handler.name },
      level,
      categoryLabel: commune.label ?? handler.label ?? catalogue?.label ?? input.categoryCode,
      settings: reportSettingsOf(handler.modules),
    }
  }
}
