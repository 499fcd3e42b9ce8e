import { createReadStream } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { HttpContext } from '@adonisjs/core/http'
import { openApiDocument } from '#kernel/http/openapi/document'

/** The standalone browser bundle of @scalar/api-reference, served from node_modules (no CDN). */
const scalarBundle = fileURLToPath(
  new URL('./browser/standalone.js', import.meta.resolve('@scalar/api-reference'))
)

const DOCS_PAGE = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Bastide — documentation de l’API citoyenne</title>
  </head>
  <body>
    <div id="api-reference"></div>
    <script src="/api/v1/docs/scalar.js"></script>
    <script>
      Scalar.createApiReference('#api-reference', {
        url: '/api/v1/openapi.json',
        withDefaultFonts: false,
        hideClientButton: true,
        telemetry: false,
        agent: { disabled: true },
      })
    </script>
  </body>
</html>
`

/** `/api/v1/openapi.json` and the readable documentation beside it. */
export default class OpenApiController {
  async document() {
    return openApiDocument()
  }

  async docs({ response }: HttpContext) {
    response.header('Content-Type', 'text/html; charset=utf-8')
    return DOCS_PAGE
  }

  async scalar({ response }: HttpContext) {
    response.header('Cache-Control', 'public, max-age=86400')
    response.header('Content-Type', 'text/javascript; charset=utf-8')
    return response.stream(createReadStream(scalarBundle))
  }
}
