import { BaseTransformer } from '@adonisjs/core/transformers'
import { allFeatures } from '#kernel/modules/registry'
import type { CollectivitySearchRow } from '#kernel/territories/queries/search_collectivities_sql'
import type { CollectivityDetailRow } from '#kernel/territories/queries/show_collectivity_sql'

/** What every listing of an authority starts with: who it is. */
function identityOf(row: CollectivitySearchRow | CollectivityDetailRow) {
  return {
    kind: row.kind,
    code: row.code,
    name: row.name,
    slug: row.slug,
    status: row.status,
    population: row.population,
    postal_codes: row.postal_codes,
  }
}

/** One search result: the authority, its parents' codes, and the alias it was found through. */
export class CollectivitySearchResultTransformer extends BaseTransformer<CollectivitySearchRow> {
  toObject() {
    const row = this.resource
    return {
      ...identityOf(row),
      departement: row.departement_code
        ? { code: row.departement_code, name: row.departement_name! }
        : null,
      epci: row.epci_code ? { code: row.epci_code, name: row.epci_name! } : null,
      matched_alias: row.alias_code
        ? { kind: row.alias_kind!, code: row.alias_code, name: row.alias_name! }
        : null,
    }
  }
}

/** One authority in full: parents, counts and the features it has switched on. */
export class CollectivityDetailTransformer extends BaseTransformer<CollectivityDetailRow> {
  toObject() {
    const row = this.resource
    return {
      ...identityOf(row),
      departement: row.departement,
      epci: row.epci,
      ...(row.kind === 'commune' ? {} : { communes_count: row.communes_count ?? 0 }),
      ...(row.kind === 'epci' ? { departements: row.departements ?? [] } : {}),
      branding: { colour: row.branding?.colour ?? null, logo_url: row.branding?.logoUrl ?? null },
      features: allFeatures()
        .filter((feature) => row.modules?.[feature.key]?.enabled === true)
        .map((feature) => ({ key: feature.key, label: feature.label, kind: feature.kind })),
    }
  }
}
