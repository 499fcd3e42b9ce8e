/*
| A paced open loop: request i leaves at start + i / rate, whatever the answers do, and its
| latency runs from that planned instant (as wrk2 does), so a stalled server is charged for the
| requests it made wait, queued here for a free connection, and for the harness's own lateness.
|
| Why not autocannon's `overallRate`: it gives each connection a quota per second and resets it
| on a one-second tick, so every connection spends its quota at once at the top of each second.
| That is a burst of `connections` requests in flight, a closed loop at saturation for part of
| each second, then silence: at « half the ceiling » both servers were measured under full load.
*/
import http from 'node:http'
import { performance } from 'node:perf_hooks'

export interface LoadRequest {
  method: string
  path?: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>
  /** Told each answer's status, with the request as `setupRequest` built it. */
  onResponse?: (status: number, request: Record<string, unknown>) => void
}

export interface PacedResult {
  sent: number
  non2xx: number
  errors: number
  latency: { p50: number; p99: number; max: number }
}

const TIMEOUT_MS = 10_000

function percentile(sorted: number[], fraction: number) {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]
}

function requestAt(requests: LoadRequest[], index: number) {
  const template = requests[index % requests.length]
  const base = { method: template.method, path: template.path, headers: template.headers ?? {} }
  const built = template.setupRequest ? template.setupRequest(base) : { ...base, ...template }
  return {
    built,
    onResponse: template.onResponse,
    ...(built as { method: string; path: string; headers?: Record<string, string>; body?: string }),
  }
}

/** Offers `rate` requests per second for `seconds` over at most `connections` keep-alive sockets. */
export async function pacedLoad(input: {
  port: number
  requests: LoadRequest[]
  rate: number
  seconds: number
  connections?: number
}): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: input.connections ?? 100 })
  const total = Math.round(input.rate * input.seconds)
  const interval = 1000 / input.rate
  const latencies: number[] = []
  let non2xx = 0
  let errors = 0

  const send = (index: number, plannedAt: number) =>
    new Promise<void>((resolve) => {
      const { method, path, headers, body, built, onResponse } = requestAt(input.requests, index)
      let settled = false
      // Exactly one outcome per request, however the socket ends (an answer cut off midway
      // emits no 'end', and may or may not emit 'error' on the request).
      const settle = (outcome: () => void) => {
        if (settled) return
        settled = true
        outcome()
        resolve()
      }
      const failed = () => settle(() => errors++)
      const request = http.request(
        { host: '127.0.0.1', port: input.port, method, path, headers, agent, timeout: TIMEOUT_MS },
        (response) => {
          response.resume()
          response.on('end', () =>
            settle(() => {
              onResponse?.(response.statusCode ?? 0, built)
              if ((response.statusCode ?? 0) >= 300) non2xx++
              else latencies.push(performance.now() - plannedAt)
            })
          )
          response.on('error', failed)
          response.on('close', failed)
        }
      )
      request.on('timeout', () => request.destroy(new Error('timeout')))
      request.on('error', failed)
      request.end(body)
    })

  const inFlight: Promise<void>[] = []
  const start = performance.now()
  await new Promise<void>((done) => {
    let next = 0
    const tick = () => {
      // Everything due by now leaves now: a late timer delays no request past its turn twice.
      while (next < total && start + next * interval <= performance.now()) {
        inFlight.push(send(next, start + next * interval))
        next++
      }
      if (next >= total) return done()
      setTimeout(tick, Math.max(0, start + next * interval - performance.now()))
    }
    tick()
  })
  await Promise.all(inFlight)
  agent.destroy()

  const sorted = latencies.sort((a, b) => a - b)
  const round = (value: number) => Math.round(value * 10) / 10
  return {
    sent: total,
    non2xx,
    errors,
    latency: {
      p50: round(percentile(sorted, 0.5)),
      p99: round(percentile(sorted, 0.99)),
      max: round(sorted.at(-1) ?? 0),
    },
  }
}
