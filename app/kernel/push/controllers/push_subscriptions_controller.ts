import type { HttpContext } from '@adonisjs/core/http'
import SubscribeToPush from '#kernel/push/actions/subscribe_to_push'
import UnsubscribeFromPush from '#kernel/push/actions/unsubscribe_from_push'
import { vapidDetails } from '#kernel/push/vapid'
import { DomainError } from '#kernel/http/errors'
import { subscribeValidator, unsubscribeValidator } from '#kernel/push/validators'

/** Web Push subscriptions of the citizen apps: anonymous, or tied to the bearer's account. */
export default class PushSubscriptionsController {
  async publicKey() {
    const vapid = vapidDetails()
    if (!vapid) {
      throw new DomainError(
        'E_PUSH_UNAVAILABLE',
        'Les notifications ne sont pas activées sur ce service',
        503
      )
    }
    return { data: { public_key: vapid.publicKey } }
  }

  async store({ auth, request, response }: HttpContext) {
    const input = await request.validateUsing(subscribeValidator)
    // A token is optional here: with one, the subscription also carries the citizen's pushes.
    const citizen = request.header('authorization') ? await auth.use('api').authenticate() : null
    const saved = await new SubscribeToPush().handle({
      endpoint: input.subscription.endpoint,
      keys: input.subscription.keys,
      communes: input.communes,
      citizenId: citizen?.id ?? null,
    })
    return response.created({ data: { communes: saved.communes, signed_in: citizen !== null } })
  }

  async destroy({ request, response }: HttpContext) {
    const { endpoint } = await request.validateUsing(unsubscribeValidator)
    await new UnsubscribeFromPush().handle(endpoint)
    return response.noContent()
  }
}
