/*
| Plain SQL with no imports, so that the feed benchmark's bare server can run the very same
| lineage statement as the app.
*/
/** The SQL of an authority's ready logo (`alias` names the collectivities row), as a JSON column. */
export function readyLogoSql(alias: string): string {
  return `(SELECT json_build_object('width', m.width, 'height', m.height, 'variants', m.variants)
         FROM media m
        WHERE m.id = NULLIF(${alias}.branding->>'logoMediaId', '')::bigint
          AND m.collectivity_id = ${alias}.id AND m.kind = 'image' AND m.state = 'ready')`
}

export const READY_LOGO_SQL = readyLogoSql('c')
