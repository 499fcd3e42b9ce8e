import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import redis from '@adonisjs/redis/services/main'
import Agent from '#kernel/accounts/models/agent'
import AgentToken from '#kernel/accounts/models/agent_token'
import Membership from '#kernel/accounts/models/membership'
import type Collectivity from '#kernel/territories/models/collectivity'
import ResetPassword from '#kernel/accounts/actions/reset_password'
import RemoveMember from '#kernel/accounts/actions/remove_member'
import Tenant from '#kernel/tenancy/tenant'
import { BrowserSession, startAppProcess, type AppProcess } from '#tests/helpers/app_process'
import { PASSWORD, makeAgent, makeCollectivity } from '../tenancy/fixtures.js'

const NEW_PASSWORD = 'un tout nouveau mot de passe'

/**
 * Revocable back-office sessions, on a real app process, with each production session store:
 * signed cookies (`SESSION_DRIVER=cookie`, nothing server-side holds the session) and Redis
 * (`SESSION_DRIVER=redis`, the real Redis of the tests). Whichever store, what ends every
 * session of an agent at once is the agent's session generation. Two clients stand for two
 * devices.
 */
const STORES = ['cookie', 'redis'] as const

/** The session id a client's signed `adonis-session` cookie carries. */
function sessionIdOf(client: BrowserSession): string | null {
  const signed = cookiesOf(client).get('adonis-session')
  if (!signed) return null
  return encryption
    .getMessageVerifier()
    .unsign(decodeURIComponent(signed).slice(2), 'adonis-session')
}

function cookiesOf(client: BrowserSession) {
  return (client as unknown as { cookies: Map<string, string> }).cookies
}

for (const store of STORES) {
  test.group(`Back-office sessions end everywhere at once (${store} store)`, (group) => {
    let server: AppProcess
    let collectivities: Collectivity[] = []
    let agents: Agent[] = []

    group.setup(async () => {
      server = await startAppProcess({ SESSION_DRIVER: store, LIMITER_STORE: 'memory' })
      return () => server.stop()
    })
    group.each.setup(async () => {
      const communeA = await makeCollectivity('commune', 'Commune révocation A')
      const communeB = await makeCollectivity('commune', 'Commune révocation B')
      collectivities = [communeA, communeB]
      const suffix = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
      const editor = await makeAgent(`revocation-editor-${suffix}@example.test`, [
        [communeA, 'editor'],
        [communeB, 'editor'],
      ])
      const admin = await makeAgent(`revocation-admin-${suffix}@example.test`, [
        [communeA, 'admin'],
      ])
      agents = [editor, admin]
      // Committed rows (the app process cannot see a test transaction): removed afterwards.
      return async () => {
        const agentIds = agents.map((agent) => agent.id)
        await db.from('audit_logs').whereIn('agent_id', agentIds).delete()
        await db.from('agents').whereIn('id', agentIds).delete()
        const ids = collectivities.map((collectivity) => collectivity.id)
        await db.from('audit_logs').whereIn('collectivity_id', ids).delete()
        await db.from('collectivities').whereIn('id', ids).delete()
      }
    })

    async function twoSignedInClients(agent: Agent, password = PASSWORD) {
      const clients = [new BrowserSession(server.url), new BrowserSession(server.url)]
      for (const client of clients) {
        const login = await client.signIn(agent.email, password)
        if (login.status !== 302 || login.headers.get('location') !== '/') {
          throw new Error(`login answered ${login.status} ${login.headers.get('location')}`)
        }
      }
      return clients
    }

    async function assertSignedIn(assert: any, client: BrowserSession) {
      const dashboard = await client.request('GET', '/')
      assert.equal(dashboard.status, 200)
    }

    async function assertSignedOut(assert: any, client: BrowserSession) {
      const dashboard = await client.request('GET', '/')
      assert.equal(dashboard.status, 302)
      assert.equal(dashboard.headers.get('location'), '/login')
    }

    test('logging out on one device ends the session on the other', async ({ assert }) => {
      const [phone, laptop] = await twoSignedInClients(agents[0])
      await assertSignedIn(assert, phone)
      await assertSignedIn(assert, laptop)

      const logout = await phone.request('POST', '/logout')
      assert.equal(logout.status, 302)
      await assertSignedOut(assert, phone)
      await assertSignedOut(assert, laptop)

      // Signing in again opens a fresh, working session.
      const [again] = await twoSignedInClients(agents[0])
      await assertSignedIn(assert, again)
    }).timeout(120_000)

    test('a password reset ends every open session of the agent', async ({ assert }) => {
      const [phone, laptop] = await twoSignedInClients(agents[0])
      await assertSignedIn(assert, laptop)
      const token = await AgentToken.issue(agents[0], 'password_reset')
      await new ResetPassword().handle({ token, password: NEW_PASSWORD })

      await assertSignedOut(assert, phone)
      await assertSignedOut(assert, laptop)
      const [fresh] = await twoSignedInClients(agents[0], NEW_PASSWORD)
      await assertSignedIn(assert, fresh)
    }).timeout(120_000)

    test('removing a role ends every open session of the agent, who may sign in again', async ({
      assert,
    }) => {
      const [editor, admin] = agents
      const [phone, laptop] = await twoSignedInClients(editor)
      await assertSignedIn(assert, phone)
      const membership = await Membership.query()
        .where({ agentId: editor.id, collectivityId: collectivities[0].id })
        .firstOrFail()
      await new RemoveMember().handle(new Tenant(admin, collectivities[0], 'admin'), {
        membershipId: membership.id,
      })

      await assertSignedOut(assert, phone)
      await assertSignedOut(assert, laptop)
      // The editor still works for commune B: a new sign-in lands there.
      const [fresh] = await twoSignedInClients(editor)
      await assertSignedIn(assert, fresh)
      const reloaded = await Agent.findOrFail(editor.id)
      assert.equal(reloaded.sessionGeneration, 1)
    }).timeout(120_000)

    test('a forged or tampered session cookie opens nothing', async ({ assert }) => {
      const [phone] = await twoSignedInClients(agents[0])
      await assertSignedIn(assert, phone)
      const cookies = cookiesOf(phone)
      assert.isTrue(cookies.has('adonis-session'))
      // Every cookie of the session (the signed id, and with the cookie store its data).
      for (const [name, value] of cookies) {
        if (name !== 'XSRF-TOKEN') cookies.set(name, `${value.slice(0, -4)}AAAA`)
      }
      await assertSignedOut(assert, phone)
    }).timeout(120_000)

    test(`the session lives where SESSION_DRIVER says (${store})`, async ({ assert }) => {
      const [phone] = await twoSignedInClients(agents[0])
      await assertSignedIn(assert, phone)
      const sessionId = sessionIdOf(phone)
      assert.isString(sessionId)
      const held = await redis.get(sessionId!)
      if (store === 'redis') {
        // The client holds only the signed id; the data (the signed-in agent) is in Redis.
        assert.sameMembers([...cookiesOf(phone).keys()], ['adonis-session', 'XSRF-TOKEN'])
        assert.include(held, `"auth_web":${agents[0].id}`)
      } else {
        assert.isNull(held)
        assert.isTrue(cookiesOf(phone).has(sessionId!))
      }
      const logout = await phone.request('POST', '/logout')
      assert.equal(logout.status, 302)
      await assertSignedOut(assert, phone)
      if (store === 'redis') {
        assert.notInclude((await redis.get(sessionId!)) ?? '', `"auth_web":${agents[0].id}`)
      }
    }).timeout(120_000)
  })
}
