/*
| Territories in the citizen API: finding one's commune and reading an authority. Public reads,
| cached by shared caches (the COG changes once a year; features rarely).
*/
import router from '@adonisjs/core/services/router'
import { registerOpenApiFragment } from '#kernel/http/openapi/registry'
import { api } from '#start/kernel'
import { cacheFor } from '#kernel/http/cache'

registerOpenApiFragment(() => import('#kernel/territories/openapi'))

const CollectivitiesController = () =>
  import('#kernel/territories/controllers/collectivities_controller')

router
  .group(() => {
    router.get('/collectivities', [CollectivitiesController, 'index']).use(cacheFor(3600))
    router.get('/collectivities/:code', [CollectivitiesController, 'show']).use(cacheFor(300))
  })
  .prefix('/api/v1')
  .use(api())
