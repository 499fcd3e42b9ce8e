/*
| Web Push for the alerts of the followed communes: the browser's PushManager subscription,
| sent to POST /api/v1/push/subscriptions with the communes (and the token when signed in, so
| that the account's own notifications arrive too).
*/
import { get, request } from '../../api'
import { state } from '../../store'

export const PUSH_KEY = 'bastide.push'

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const padded = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(padded)
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

export function pushSupported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
}

async function registration() {
  await navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' })
  return navigator.serviceWorker.ready
}

/** Asks permission, subscribes this browser and tells the API which communes it follows. */
export async function enablePush(): Promise<string[]> {
  if ((await Notification.requestPermission()) !== 'granted') {
    throw new Error('Les notifications sont bloquées pour ce site : autorisez-les dans les réglages du navigateur.')
  }
  const { body } = await get<{ data: { public_key: string } }>('/push/public-key')
  const worker = await registration()
  const subscription =
    (await worker.pushManager.getSubscription()) ??
    (await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(body.data.public_key) }))
  const saved = await request<{ data: { communes: string[] } }>('/push/subscriptions', {
    method: 'POST',
    body: { subscription: subscription.toJSON(), communes: state.favourites.map((commune) => commune.code) },
  })
  localStorage.setItem(PUSH_KEY, 'on')
  return saved.body.data.communes
}

export async function disablePush() {
  const worker = await registration()
  const subscription = await worker.pushManager.getSubscription()
  if (subscription) {
    await request('/push/subscriptions/remove', { method: 'POST', body: { endpoint: subscription.endpoint } })
    await subscription.unsubscribe()
  }
  localStorage.removeItem(PUSH_KEY)
}
