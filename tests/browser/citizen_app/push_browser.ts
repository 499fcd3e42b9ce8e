import type { BrowserContext, Page } from 'playwright'
import { getQueue } from '#kernel/queue/queues'
import { startWorkers, stopWorkers } from '#kernel/queue/worker'
import {
  StandInPushService,
  type FakeSubscription,
  type ReceivedPush,
} from '#tests/helpers/push_service'

/**
 * Real delivery for one test: an empty push queue, the local stand-in push service and a
 * BullMQ worker on the queue, in this process. `stop` ends both.
 */
export async function pushDelivery() {
  await getQueue('push').obliterate({ force: true })
  const service = await new StandInPushService().start()
  const workers = await startWorkers({ queues: ['push'], concurrency: 1 })
  await Promise.all(workers.map((worker) => worker.waitUntilReady()))
  return {
    service,
    stop: async () => {
      await stopWorkers(workers, true)
      await service.stop()
    },
  }
}

/**
 * The browser's side of the PushManager, as far as a headless Chromium lets it be real. Its
 * `pushManager.subscribe()` rejects here even with the permission granted ("AbortError:
 * Registration failed - permission denied": headless Chromium has no push service, and the
 * real one, Google's FCM, is out of reach anyway), so `subscribe` and `getSubscription` answer
 * with a subscription of the local stand-in push service, whose private key the test holds. The rest
 * is real: the notification permission, the app's call (with the server's VAPID key), the
 * service worker, and its push handler fed through the DevTools protocol, as a push service's
 * message would reach it.
 */
export function standInPushManager(subscription: FakeSubscription) {
  return `(() => {
    const subscription = ${JSON.stringify(subscription)};
    let current = null;
    window.__standInPush = { applicationServerKeys: [] };
    PushManager.prototype.subscribe = async function (options) {
      const key = new Uint8Array(options.applicationServerKey);
      window.__standInPush.applicationServerKeys.push(
        btoa(String.fromCharCode(...key)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '')
      );
      current = {
        endpoint: subscription.endpoint,
        expirationTime: null,
        toJSON: () => ({ endpoint: subscription.endpoint, expirationTime: null, keys: subscription.keys }),
        unsubscribe: async () => { current = null; return true; },
      };
      return current;
    };
    PushManager.prototype.getSubscription = async function () { return current; };
  })()`
}

/**
 * Hands a message the stand-in push service received (decrypted) to the app's real service
 * worker through the DevTools protocol, as the browser's push service would.
 */
export async function deliverToServiceWorker(
  browserContext: BrowserContext,
  page: Page,
  origin: string,
  push: ReceivedPush
) {
  const cdp = await browserContext.newCDPSession(page)
  const registrationId = await new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }: any) => {
      const ours = registrations.find((entry: any) => entry.scopeURL === `${origin}/app/`)
      if (ours && !ours.isDeleted) resolve(ours.registrationId)
    })
    void cdp.send('ServiceWorker.enable')
  })
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin,
    registrationId,
    data: JSON.stringify(push.payload),
  })
}
