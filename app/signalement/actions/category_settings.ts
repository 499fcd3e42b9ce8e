import db from '@adonisjs/lucid/services/db'
import { DomainError, NotFoundError } from '#kernel/http/errors'
import type Tenant from '#kernel/tenancy/tenant'
import { audit, type AuditActor } from '#kernel/accounts/actions/record_audit'
import {
  DEFAULT_CATEGORIES,
  HANDLING_LEVEL_LABELS,
  type HandlingLevel,
} from '#signalement/vocabulary'

interface CategoryRow {
  collectivity_id: number
  code: string
  label: string
  handling_level: HandlingLevel | null
  enabled: boolean
  position: number
}

/**
 * The catalogue as the current authority sets it: each category with the level the catalogue
 * gives it, the authority's own choice (on or off, a handling level or « as decided above »),
 * and what is decided above it (its EPCI's, then its département's choice): the level its
 * reports actually go to when it sets none.
 */
export class ListCategorySettings {
  async handle(tenant: Tenant) {
    // The authority, then its EPCI, then its département.
    const ids = tenant.collectivity.lineageIds
    const rows: CategoryRow[] = await db
      .from('signalement_categories')
      .whereIn('collectivity_id', ids)
      .select('collectivity_id', 'code', 'label', 'handling_level', 'enabled', 'position')
    const own = new Map(
      rows
        .filter((row) => row.collectivity_id === tenant.collectivityId)
        .map((row) => [row.code, row])
    )
    const codes = [
      ...DEFAULT_CATEGORIES.map((category) => category.code as string),
      ...[...own.keys()].filter((code) => !DEFAULT_CATEGORIES.some((c) => c.code === code)),
    ]
    return codes.map((code) => {
      const catalogue = DEFAULT_CATEGORIES.find((category) => category.code === code)
      const mine = own.get(code)
      const above = ids
        .slice(1)
        .map((id) => rows.find((row) => row.collectivity_id === id && row.code === code))
        .find((row) => row?.handling_level)
      const inherited = above?.handling_level ?? catalogue?.level ?? 'commune'
      return {
        code,
        label: mine?.label ?? catalogue?.label ?? code,
        catalogueLevel: catalogue?.level ?? null,
        enabled: mine?.enabled ?? true,
        handlingLevel: mine?.handling_level ?? null,
        inheritedLevel: inherited,
        effectiveLevel: mine?.handling_level ?? inherited,
      }
    })
  }
}

export interface CategorySettingInput {
  code: string
  enabled: boolean
  /** null: as decided above (the EPCI's, the département's or the catalogue's level). */
  handlingLevel: HandlingLevel | null
}

/**
 * Sets one category for the current authority: switched on or off, and who handles it from
 * here (an EPCI taking « dépôt sauvage » for all its communes, say). A level the authority has
 * no authority for (« intercommunalité » for a commune outside any EPCI) is refused in French.
 */
export class SaveCategorySetting {
  async handle(tenant: Tenant, input: CategorySettingInput, by?: AuditActor) {
    const catalogue = DEFAULT_CATEGORIES.find((category) => category.code === input.code)
    const existing = await db
      .from('signalement_categories')
      .where({ collectivity_id: tenant.collectivityId, code: input.code })
      .first()
    if (!catalogue && !existing) throw new NotFoundError('Catégorie inconnue')
    const { collectivity } = tenant
    const reachable: Record<HandlingLevel, boolean> = {
      commune: true,
      // Handing down is always possible; handing up needs an EPCI or a département above.
      epci: collectivity.kind !== 'commune' || collectivity.epciId !== null,
      departement: collectivity.kind === 'departement' || collectivity.departementId !== null,
    }
    if (input.handlingLevel && !reachable[input.handlingLevel]) {
      throw new DomainError(
        'E_UNREACHABLE_LEVEL',
        `${collectivity.name} ne dépend d’aucun échelon « ${HANDLING_LEVEL_LABELS[input.handlingLevel]} »`,
        422,
        'handlingLevel'
      )
    }
    const now = new Date()
    await db.transaction(async (trx) => {
      await trx
        .table('signalement_categories')
        .insert({
          collectivity_id: tenant.collectivityId,
          code: input.code,
          label: existing?.label ?? catalogue!.label,
          handling_level: input.handlingLevel,
          enabled: input.enabled,
          position:
            existing?.position ?? DEFAULT_CATEGORIES.findIndex((c) => c.code === input.code),
          created_at: now,
          updated_at: now,
        })
        .onConflict(['collectivity_id', 'code'])
        .merge(['handling_level', 'enabled', 'updated_at'])
      await audit(
        {
          agent: by?.agent ?? tenant.agent,
          ip: by?.ip,
          collectivityId: tenant.collectivityId,
          action: 'signalement.category_updated',
          subject: { type: 'signalement_category', id: input.code },
          before: existing
            ? { enabled: existing.enabled, handlingLevel: existing.handling_level }
            : null,
          after: { enabled: input.enabled, handlingLevel: input.handlingLevel },
        },
        trx
      )
    })
  }
}
