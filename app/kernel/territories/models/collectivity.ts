import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'

export const COLLECTIVITY_KINDS = ['departement', 'epci', 'commune'] as const
export type CollectivityKind = (typeof COLLECTIVITY_KINDS)[number]
export type CollectivityStatus = 'listed' | 'onboarded'

export interface Branding {
  colour?: string
  logoMediaId?: number | null
}

/** Per-module state, keyed by the module's manifest key. */
export type ModuleStates = Record<string, { enabled: boolean; settings: Record<string, unknown> }>

export default class Collectivity extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: CollectivityKind

  /** INSEE code for communes and départements, SIREN for EPCI. */
  @column()
  declare code: string

  @column()
  declare name: string

  @column()
  declare slug: string

  @column({ serializeAs: null })
  declare searchName: string

  @column()
  declare population: number | null

  @column()
  declare postalCodes: string[]

  @column()
  declare departementId: number | null

  @column()
  declare epciId: number | null

  @column()
  declare status: CollectivityStatus

  @column()
  declare branding: Branding

  @column()
  declare modules: ModuleStates

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Collectivity, { foreignKey: 'departementId' })
  declare departement: BelongsTo<typeof Collectivity>

  @belongsTo(() => Collectivity, { foreignKey: 'epciId' })
  declare epci: BelongsTo<typeof Collectivity>

  @hasMany(() => Collectivity, { foreignKey: 'epciId' })
  declare communes: HasMany<typeof Collectivity>

  /**
   * The authorities whose content a citizen of this one sees: itself, its EPCI and its
   * département (the citizen feed's hierarchy, see app/kernel/tenancy).
   */
  get lineageIds(): number[] {
    return [this.id, this.epciId, this.departementId].filter((id): id is number => id !== null)
  }

  isModuleEnabled(key: string): boolean {
    return this.modules?.[key]?.enabled === true
  }
}
