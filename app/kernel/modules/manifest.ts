import type { VineObject } from '@vinejs/vine'
import type { SchemaTypes } from '@vinejs/vine/types'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { JobDefinition } from '#kernel/queue/job'
import type { OpenApiFragment } from '#kernel/http/openapi/types'
import type Collectivity from '#kernel/territories/models/collectivity'

/** Agent roles inside one authority (see app/kernel/tenancy). */
export type Role = 'admin' | 'editor' | 'moderator'

/**
 * One thing an authority switches on or off (news, markets, polls, reports…). Core features are
 * always on; optional ones are off until an admin enables them.
 */
export interface FeatureManifest {
  key: string
  /** French label shown in the back-office. */
  label: string
  description: string
  kind: 'core' | 'optional'
  /** Vine schema of the feature's settings; `defaults` must satisfy it. */
  settings?: VineObject<Record<string, SchemaTypes>, any, any, any>
  defaults?: Record<string, unknown>
}

/** What a module adds to the citizen feed: the `feed_items.type` values it writes. */
export interface FeedContribution {
  types: string[]
}

/** A figure shown on an authority's dashboard. */
export interface StatFigure {
  label: string
  value: number
}

/**
 * The manifest of a module (a folder under app/): the one place the rest of the platform learns
 * what the module is, what it lets authorities switch on, who may do what, and what it shows.
 */
export interface ModuleManifest {
  key: string
  label: string
  features: FeatureManifest[]
  /** Ability name → roles that hold it. The super-admin holds every ability. */
  permissions: Record<string, Role[]>
  feed?: FeedContribution
  stats?: (collectivityId: number) => Promise<StatFigure[]>
  /**
   * Called after an authority is onboarded (created or updated), inside no transaction; must be
   * idempotent. The info module seeds the national emergency numbers of a département here.
   */
  onboard?: (collectivity: Collectivity) => Promise<void>
  /**
   * A citizen's own data held by the module: `export` for the GDPR export (JSON-ready),
   * `erase` to delete or anonymise it when the account is deleted. `erase` runs inside the
   * account deletion's transaction, before the citizen row goes: run every query on `trx`, so
   * that a failure anywhere leaves the account and all its data untouched.
   */
  gdpr?: {
    export: (citizenId: number) => Promise<Record<string, unknown>>
    erase: (citizenId: number, trx: TransactionClientContract) => Promise<void>
  }
  /** Background jobs the module runs on the queue workers. */
  jobs?: () => Promise<JobDefinition<any>[]>
  /**
   * The module's codes and their French labels (`allergens: { gluten: 'Gluten', … }`), served
   * to every client by GET /api/v1/vocabularies so that no app hard-codes them.
   */
  vocabularies?: () => Promise<Record<string, Record<string, string>>>
  /** Registers the module's routes (api, back-office, others). */
  routes: () => Promise<unknown>
  /** The module's citizen API paths, merged into `/api/v1/openapi.json`. */
  openapi?: () => Promise<{ default: OpenApiFragment }>
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest
}
