import webpush from 'web-push'

/** A fresh VAPID key pair (P-256), base64url, for VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY. */
export default class GenerateVapidKeys {
  handle(): { publicKey: string; privateKey: string } {
    return webpush.generateVAPIDKeys()
  }
}
