import type { CollectivityKind, ModuleStates } from '#kernel/territories/models/collectivity'

/**
 * One authority by kind and official code, with its parents, and for an EPCI or a département
 * its communes count (and an EPCI's départements, main first): one statement.
 */
export const SHOW_COLLECTIVITY_SQL = `
SELECT c.kind, c.code, c.name, c.slug, c.population, c.postal_codes, c.status, c.modules, c.branding,
       CASE WHEN d.id IS NULL THEN NULL
            ELSE json_build_object('code', d.code, 'name', d.name, 'slug', d.slug, 'status', d.status) END AS departement,
       CASE WHEN e.id IS NULL THEN NULL
            ELSE json_build_object('code', e.code, 'name', e.name, 'slug', e.slug, 'status', e.status) END AS epci,
       CASE c.kind
            WHEN 'epci' THEN (SELECT count(*)::integer FROM collectivities m WHERE m.epci_id = c.id AND m.kind = 'commune')
            WHEN 'departement' THEN (SELECT count(*)::integer FROM collectivities m WHERE m.departement_id = c.id AND m.kind = 'commune')
       END AS communes_count,
       CASE WHEN c.kind = 'epci' THEN (
            SELECT json_agg(json_build_object('code', x.code, 'name', x.name, 'slug', x.slug, 'status', x.status)
                            ORDER BY x.id = c.departement_id DESC, x.code)
            FROM epci_departements ed JOIN collectivities x ON x.id = ed.departement_id
            WHERE ed.epci_id = c.id) END AS departements
FROM collectivities c
LEFT JOIN collectivities d ON d.id = c.departement_id
LEFT JOIN collectivities e ON e.id = c.epci_id
WHERE c.kind = ? AND c.code = ?`

/** Which kind an official code names: SIREN (9 digits), INSEE commune (5), département (2–3). */
export function kindOfCode(code: string): CollectivityKind | null {
  if (/^\d{9}$/.test(code)) return 'epci'
  if (/^(\d{5}|2[AB]\d{3})$/.test(code)) return 'commune'
  if (/^(\d{2}|2[AB]|9\d{2})$/.test(code)) return 'departement'
  return null
}

export interface ParentJson {
  code: string
  name: string
  slug: string
  status: string
}

export interface CollectivityDetailRow {
  kind: CollectivityKind
  code: string
  name: string
  slug: string
  population: number | null
  postal_codes: string[]
  status: string
  modules: ModuleStates
  branding: { colour?: string; logoUrl?: string | null } | null
  departement: ParentJson | null
  epci: ParentJson | null
  communes_count: number | null
  departements: ParentJson[] | null
}
