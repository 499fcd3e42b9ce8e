import type { OpenApiDocument, OpenApiObject } from '#kernel/http/openapi/types'

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options']
const READS = new Set(['get', 'head', 'options'])

/**
 * The refusals of the request-level input rules (ADR 0012) apply to every operation, before any
 * controller: 400 (NUL byte, malformed body or encoding, forged cursor) everywhere, and 413/415
 * wherever a body is accepted; a write also meets Redis (rate limits, queue), so it documents
 * the outage's 503 `E_SERVICE_UNAVAILABLE` (ADR 0014), which public reads never answer; and an
 * operation without `security` is declared public. They are
 * added here once, so that no fragment, today's or a
 * future module's, can leave them out.
 */
export function documentRequestRules(document: OpenApiDocument): OpenApiDocument {
  for (const item of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue
      const operation = value as OpenApiObject
      // An operation that names no security scheme is public: say so (`security: []`).
      operation.security ??= []
      const responses = (operation.responses ??= {}) as OpenApiObject
      responses['400'] ??= { $ref: '#/components/responses/BadRequest' }
      if (!READS.has(method)) {
        responses['503'] ??= { $ref: '#/components/responses/ServiceUnavailable' }
      }
      if (operation.requestBody) {
        responses['413'] ??= { $ref: '#/components/responses/PayloadTooLarge' }
        responses['415'] ??= { $ref: '#/components/responses/UnsupportedMediaType' }
      }
    }
  }
  return document
}
