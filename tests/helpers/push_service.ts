/*
| A local stand-in for a browser push service (no real one is reachable from the tests). It
| speaks the Web Push protocol as a push service sees it: it accepts `POST /push/<id>`
| (RFC 8030), checks the VAPID `Authorization: vapid t=<JWT>, k=<key>` header (RFC 8292: ES256
| signature by the announced key, audience = this origin, expiry, subject), and decrypts the
| aes128gcm body (RFC 8188 / RFC 8291) with the subscription's private key, as the browser
| would — all with node:crypto. Subscriptions it was told are gone answer 410.
*/
import { createServer, type Server } from 'node:http'
import {
  createECDH,
  createDecipheriv,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
} from 'node:crypto'
import type { AddressInfo } from 'node:net'

export interface FakeSubscription {
  endpoint: string
  keys: { p256dh: string; auth: string }
  id: string
}

export interface ReceivedPush {
  subscriptionId: string
  headers: Record<string, string | string[] | undefined>
  vapid: { audience: string; subject: string; expiresAt: number; publicKey: string }
  payload: any
}

const b64url = (buffer: Buffer) => buffer.toString('base64url')

function verifyVapid(header: string | undefined, origin: string) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '')
  if (!match) throw new Error(`no VAPID Authorization header: ${header}`)
  const [, jwt, key] = match
  const [head, body, signature] = jwt.split('.')
  const raw = Buffer.from(key, 'base64url')
  if (raw.length !== 65 || raw[0] !== 4)
    throw new Error('VAPID key is not an uncompressed P-256 point')
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(raw.subarray(1, 33)), y: b64url(raw.subarray(33)) },
    format: 'jwk',
  })
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url')
  )
  if (!valid) throw new Error('VAPID signature does not verify')
  const jwtHeader = JSON.parse(Buffer.from(head, 'base64url').toString())
  if (jwtHeader.alg !== 'ES256') throw new Error(`VAPID alg ${jwtHeader.alg}`)
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString())
  if (claims.aud !== origin) throw new Error(`VAPID audience ${claims.aud} is not ${origin}`)
  if (!(claims.exp * 1000 > Date.now())) throw new Error('VAPID token expired')
  if (claims.exp * 1000 > Date.now() + 24 * 3600 * 1000 + 60_000)
    throw new Error('VAPID exp over 24 h')
  if (!/^(mailto:|https:)/.test(claims.sub)) throw new Error(`VAPID subject ${claims.sub}`)
  return { audience: claims.aud, subject: claims.sub, expiresAt: claims.exp, publicKey: key }
}

/** RFC 8291 §3.4 and RFC 8188 §2: one aes128gcm record, decrypted with the UA's keys. */
export function decryptAes128gcm(
  body: Buffer,
  uaPrivate: ReturnType<typeof createECDH>,
  authSecret: Buffer
) {
  const salt = body.subarray(0, 16)
  const recordSize = body.readUInt32BE(16)
  const idLength = body[20]
  const senderPublic = body.subarray(21, 21 + idLength)
  const ciphertext = body.subarray(21 + idLength)
  if (ciphertext.length > recordSize) throw new Error('more than one record')
  const uaPublic = uaPrivate.getPublicKey()
  const shared = uaPrivate.computeSecret(senderPublic)
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, senderPublic])
  const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, keyInfo, 32))
  const cek = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16)
  )
  const nonce = Buffer.from(
    hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12)
  )
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16))
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ])
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (padded[end] !== 2) throw new Error('last record delimiter missing')
  return padded.subarray(0, end)
}

export class StandInPushService {
  readonly received: ReceivedPush[] = []
  readonly rejected: string[] = []
  readonly gone = new Set<string>()
  /** Answer 503 this many times before accepting (a push service having a bad minute). */
  failuresToSimulate = 0
  private server?: Server
  private origin = ''
  private keys = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>()
  private waiters: Array<() => void> = []

  async start() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk) => chunks.push(chunk))
      request.on('end', () => {
        const id = (request.url ?? '').replace(/^\/push\//, '')
        try {
          if (request.method !== 'POST' || !this.keys.has(id)) {
            response.writeHead(404).end()
            return
          }
          if (this.gone.has(id)) {
            response.writeHead(410).end()
            return
          }
          if (this.failuresToSimulate > 0) {
            this.failuresToSimulate--
            response.writeHead(503).end()
            return
          }
          if (request.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm')
          if (!request.headers.ttl) throw new Error('no TTL header')
          const vapid = verifyVapid(request.headers.authorization, this.origin)
          const { ecdh, auth } = this.keys.get(id)!
          const payload = JSON.parse(
            decryptAes128gcm(Buffer.concat(chunks), ecdh, auth).toString('utf8')
          )
          this.received.push({ subscriptionId: id, headers: request.headers, vapid, payload })
          response
            .writeHead(201, { Location: `${this.origin}/message/${this.received.length}` })
            .end()
        } catch (error) {
          this.rejected.push((error as Error).message)
          response.writeHead(400).end((error as Error).message)
        }
        this.waiters.splice(0).forEach((wake) => wake())
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  /** A subscription as `PushSubscription.toJSON()` gives it, whose private key we keep. */
  subscription(): FakeSubscription {
    const id = randomBytes(8).toString('hex')
    const ecdh = createECDH('prime256v1')
    ecdh.generateKeys()
    const auth = randomBytes(16)
    this.keys.set(id, { ecdh, auth })
    return {
      id,
      endpoint: `${this.origin}/push/${id}`,
      keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) },
    }
  }

  async waitFor(count: number, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs
    while (this.received.length < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `waited for ${count} push(es), got ${this.received.length}; rejected: ${this.rejected.join('; ')}`
        )
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 200)
      })
    }
    return this.received
  }

  async stop() {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve()
    )
  }
}
