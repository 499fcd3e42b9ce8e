/*
| A real instance of the app in its own process (`bin/server.ts`), for what one process cannot
| show: the production session store (signed cookies) shared by two clients, or a web server
| whose Redis goes away and comes back. It uses the test database: whatever it must see has to
| be committed (no global transaction), and cleaned up by the test.
*/
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import app from '@adonisjs/core/services/app'

export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

export interface AppProcess {
  url: string
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

/** Starts the web server with `env` over the test environment; resolves once it answers. */
export async function startAppProcess(env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort()
  const child = spawn(
    app.makePath('node_modules/.bin/node'),
    ['--import=@poppinss/ts-exec', 'bin/server.ts'],
    {
      cwd: app.makePath(),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
        HOST: '127.0.0.1',
        PORT: String(port),
        APP_URL: `http://127.0.0.1:${port}`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  )
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const exited = once(child, 'exit')
    const forced = sleep(10_000).then(() => child.kill('SIGKILL'))
    await Promise.race([exited, forced])
  }
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app process exited:\n${output}`)
    const answered = await fetch(`${url}/api/v1/collectivities?q=zz`).catch(() => null)
    if (answered) return { url, child, output: () => output, stop }
    await sleep(250)
  }
  await stop()
  throw new Error(`The app process did not answer within 90 s:\n${output}`)
}

/**
 * A browser in miniature for the back-office of an app process: keeps its cookies, and sends
 * the CSRF token back as the Inertia client does (XSRF-TOKEN cookie → X-XSRF-TOKEN header).
 */
export class BrowserSession {
  private cookies = new Map<string, string>()

  constructor(private baseUrl: string) {}

  async request(method: string, path: string, body?: Record<string, unknown>) {
    // As the Inertia client asks (JSON pages): the HTML shell needs Vite, which tests don't run.
    const headers: Record<string, string> = {
      'accept': 'text/html, application/json',
      'x-inertia': 'true',
      'x-inertia-version': '1',
    }
    if (this.cookies.size) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    }
    const xsrf = this.cookies.get('XSRF-TOKEN')
    if (xsrf) headers['x-xsrf-token'] = decodeURIComponent(xsrf)
    if (body) headers['content-type'] = 'application/json'
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
      redirect: 'manual',
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator)
      const value = pair.slice(separator + 1)
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    await response.arrayBuffer()
    return response
  }

  /** Signs in through the login form; resolves with the status (302 to `/` on success). */
  async signIn(email: string, password: string) {
    await this.request('GET', '/login')
    return this.request('POST', '/login', { email, password })
  }
}
