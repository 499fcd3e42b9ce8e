import db from '@adonisjs/lucid/services/db'
import type {
  Branding,
  CollectivityKind,
  ModuleStates,
} from '#kernel/territories/models/collectivity'
import { publicLogo, type LogoRow } from '#kernel/territories/branding'
import { findFeature } from '#kernel/modules/registry'
import { DomainError, NotFoundError } from '#kernel/http/errors'
import { LINEAGE_SQL } from '#info/support/feed_query'

/** How a listed item tells where it comes from: the owning authority and its level. */
export interface Origin {
  origin: CollectivityKind
  authority: {
    code: string
    name: string
    kind: CollectivityKind
    /** The authority's branding (`#rrggbb`, logo address), so apps show who speaks. */
    colour: string | null
    logo_url: string | null
  }
}

/** The few columns of an authority a citizen read needs. */
export interface AudienceMember {
  id: number
  kind: CollectivityKind
  code: string
  name: string
  modules: ModuleStates
  branding: Branding | null
  /** The ready logo's variants (LINEAGE_SQL), null while missing or processing. */
  logo: LogoRow | null
}

/**
 * Who a citizen request speaks for: the authority named in the path and the authorities whose
 * content it shows (itself, its EPCI, its département).
 */
export class Audience {
  private constructor(
    readonly collectivity: AudienceMember,
    readonly lineage: AudienceMember[]
  ) {}

  static async of(code: string): Promise<Audience> {
    const { rows } = await db.rawQuery(LINEAGE_SQL, [code.trim().toUpperCase()])
    const self = rows.find((row: { is_self: boolean }) => row.is_self)
    if (!self)
      throw new NotFoundError(`Collectivité introuvable : « ${code} »`, 'E_COLLECTIVITY_NOT_FOUND')
    return new Audience(self, rows)
  }

  get ids(): number[] {
    return this.lineage.map((collectivity) => collectivity.id)
  }

  /** The same ids, in the shape the tenancy scope `Model.visibleFrom(audience)` reads. */
  get lineageIds(): number[] {
    return this.ids
  }

  /** Core features are always on; optional ones as the requested authority set them. */
  hasFeature(key: string): boolean {
    return findFeature(key)?.kind === 'core' || this.collectivity.modules?.[key]?.enabled === true
  }

  /** 404 in the API error format when the authority has not switched the feature on. */
  requireFeature(key: string) {
    if (!this.hasFeature(key)) {
      throw new DomainError(
        'E_FEATURE_DISABLED',
        `« ${findFeature(key)?.label ?? key} » n’est pas proposé par ${this.collectivity.name}`,
        404
      )
    }
  }

  settingsOf(key: string): Record<string, unknown> {
    return {
      ...(findFeature(key)?.defaults ?? {}),
      ...(this.collectivity.modules?.[key]?.settings ?? {}),
    }
  }

  originOf(collectivityId: number): Origin {
    const owner = this.lineage.find((collectivity) => collectivity.id === collectivityId)!
    return {
      origin: owner.kind,
      authority: {
        code: owner.code,
        name: owner.name,
        kind: owner.kind,
        colour: owner.branding?.colour ?? null,
        logo_url: publicLogo(owner.logo)?.url ?? null,
      },
    }
  }
}

/**
 * The publication rule every citizen read applies, from the dates (the stored state may lag
 * behind the scheduler): published or scheduled, started, not ended.
 */
export function whereVisible<Query>(query: Query, table: string, now: Date): Query {
  return (query as any)
    .whereIn(`${table}.status`, ['published', 'scheduled'])
    .where(`${table}.publish_at`, '<=', now)
    .where((inner: any) =>
      inner.whereNull(`${table}.expire_at`).orWhere(`${table}.expire_at`, '>', now)
    )
}
