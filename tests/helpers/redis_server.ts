import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * A throw-away redis-server of the test's own, on a port of its choice, that the test stops
 * and starts again to play a Redis outage (the shared Redis of the machine is never touched).
 */
export class DisposableRedis {
  private child?: ChildProcess

  constructor(readonly port: number) {}

  get url() {
    return `redis://127.0.0.1:${this.port}/0`
  }

  async start() {
    // Already up: a second redis-server could not bind the port, and would hide the first.
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return
    this.child = spawn(
      process.env.REDIS_SERVER_PATH ?? 'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' }
    )
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      if (await this.answers()) return
      await sleep(100)
    }
    throw new Error(`redis-server did not start on port ${this.port}`)
  }

  async stop() {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGKILL')
    await once(child, 'exit')
    this.child = undefined
  }

  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = new Socket()
      socket.once('error', () => resolve(false))
      socket.connect(this.port, '127.0.0.1', () => {
        socket.write('PING\r\n')
        socket.once('data', (data) => {
          socket.destroy()
          resolve(data.toString().startsWith('+PONG'))
        })
      })
    })
  }
}
