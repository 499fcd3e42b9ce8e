import { defineJob } from '#kernel/queue/job'
import DeliverPushMessage from '#kernel/push/actions/deliver_push_message'

/** Delivers one stored push message; retried with backoff while push services fail for now. */
export const deliverPushJob = defineJob<{ messageId: number }>({
  name: 'push.deliver',
  queue: 'push',
  attempts: 6,
  backoffMs: 5_000,
  timeoutMs: 120_000,
  handle: ({ messageId }) => new DeliverPushMessage().handle(messageId),
})
