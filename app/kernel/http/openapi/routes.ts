/*
| The OpenAPI document of the citizen API and its readable documentation (Scalar).
*/
import router from '@adonisjs/core/services/router'
import { api } from '#start/kernel'
import { cacheFor } from '#kernel/http/cache'

const OpenApiController = () => import('#kernel/http/openapi/controller')

router
  .group(() => {
    router.get('/openapi.json', [OpenApiController, 'document'])
    router.get('/docs', [OpenApiController, 'docs']).use(cacheFor(300))
    router.get('/docs/scalar.js', [OpenApiController, 'scalar'])
  })
  .prefix('/api/v1')
  .use(api())
