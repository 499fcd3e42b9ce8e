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
  /**
   * French labels of the settings, by setting name (and of an enum's values): the back-office
   * builds each setting's form control from the schema and these (app/kernel/modules/settings_form.ts).
   */
  settingsLabels?: Record<string, SettingLabel>
  /**
   * The back-office page of the feature, shown in the navigation while the feature is on and
   * the agent holds `ability` (entries sharing an `href` show once).
   */
  navigation?: NavigationEntry
  /**
   * Back-office URL prefixes of the feature besides `navigation.href` (its forms elsewhere, its
   * imports): while the feature is off, they are refused like its page (app/kernel/modules/feature_gate.ts).
   */
  backOfficePaths?: string[]
}

export interface SettingLabel {
  label: string
  hint?: string
  /** Labels of an enum's values: `{ after_close: 'Après la clôture' }`. */
  options?: Record<string, string>
}

export interface NavigationEntry {
  label: string
  href: string
  ability: string
}

/** What a module adds to the citizen feed: the `feed_items.type` values it writes. */
export interface FeedContribution {
  types: string[]
  /**
   * The feature that shows each type (`poll` → `polls`): the feed of an authority lists a type
   * only while that authority has its feature on, as its listings do. A type without one is
   * always listed.
   */
  features?: Record<string, string>
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
  /**
   * How the audit log names the module's subjects, with their article, by the `subject.type`
   * its actions record (`{ news: 'l’actualité' }`): « … a publié l’actualité « Marché » ».
   */
  auditSubjects?: Record<string, string>
  /** The module's citizen API paths, merged into `/api/v1/openapi.json`. */
  openapi?: () => Promise<{ default: OpenApiFragment }>
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest
}
