/*
| Web Push in the citizen API: the VAPID public key, subscribing a browser to the alerts of
| its communes, and unsubscribing. Writes are rate-limited by the API stack.
*/
import router from '@adonisjs/core/services/router'
import { api } from '#start/kernel'
import { cacheFor } from '#kernel/http/cache'
import { registerOpenApiFragment } from '#kernel/http/openapi/registry'

const PushSubscriptionsController = () =>
  import('#kernel/push/controllers/push_subscriptions_controller')

registerOpenApiFragment(() => import('#kernel/push/openapi'))

router
  .group(() => {
    router.get('/public-key', [PushSubscriptionsController, 'publicKey']).use(cacheFor(3600))
    router.post('/subscriptions', [PushSubscriptionsController, 'store'])
    router.post('/subscriptions/remove', [PushSubscriptionsController, 'destroy'])
  })
  .prefix('/api/v1/push')
  .use(api())
