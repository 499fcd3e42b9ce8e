/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it) or any other OpenAPI object. */
export type OpenApiObject = Record<string, unknown>

/**
 * What an area or module contributes to the OpenAPI document: its paths (full paths, starting
 * with `/api/v1` or `/open311`) and the components they refer to. Component names are global:
 * prefix them with the area when they could clash (`InfoNews`, `Collectivity`…).
 */
export interface OpenApiFragment {
  paths: Record<string, Record<string, OpenApiObject>>
  components?: {
    schemas?: Record<string, OpenApiObject>
    responses?: Record<string, OpenApiObject>
    parameters?: Record<string, OpenApiObject>
    headers?: Record<string, OpenApiObject>
  }
  tags?: { name: string; description?: string }[]
}

export interface OpenApiDocument extends Required<Pick<OpenApiFragment, 'paths' | 'tags'>> {
  openapi: '3.1.0'
  info: OpenApiObject
  servers: { url: string; description?: string }[]
  components: Required<NonNullable<OpenApiFragment['components']>> & {
    securitySchemes: OpenApiObject
  }
}
