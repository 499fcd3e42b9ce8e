import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import Agent from '#kernel/accounts/models/agent'
import AgentToken from '#kernel/accounts/models/agent_token'
import AuditLog from '#kernel/accounts/models/audit_log'
import Membership from '#kernel/accounts/models/membership'
import InviteAgent from '#kernel/accounts/actions/invite_agent'
import AgentInvitationMail from '#kernel/accounts/mails/agent_invitation_mail'
import PasswordResetMail from '#kernel/accounts/mails/password_reset_mail'
import { LOGIN_ATTEMPTS } from '#kernel/accounts/actions/authenticate_agent'
import { PASSWORD_RESET_LIMITS } from '#kernel/accounts/actions/request_password_reset'
import type { ApiClient } from '@japa/api-client'
import { PASSWORD, territory } from '../tenancy/fixtures.js'

const NEW_PASSWORD = 'encore un mot de passe solide'

function tokenFrom(url: string) {
  return url.split('/').pop()!
}

test.group('Agents: invitations, sign-in, password reset', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  let mails: ReturnType<typeof mail.fake>
  group.each.setup(() => {
    mails = mail.fake()
    return () => mail.restore()
  })

  test('an admin invites an agent: membership, hashed one-time token, mail with the link, audit', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const response = await client
      .post('/agents')
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({ email: '  Nouvelle.Agente@Example.TEST ', role: 'editor' })
      .loginAs(t.adminA)
    response.assertStatus(302)
    response.assertHeader('location', '/agents')

    const agent = await Agent.findByOrFail('email', 'nouvelle.agente@example.test')
    assert.isNull(agent.password)
    const membership = await Membership.query().where({ agentId: agent.id }).firstOrFail()
    assert.equal(membership.collectivityId, t.communeA.id)
    assert.equal(membership.role, 'editor')

    const sent = mails.mails.sent()
    assert.lengthOf(sent, 1)
    const invitation = sent[0] as unknown as AgentInvitationMail
    assert.instanceOf(invitation, AgentInvitationMail)
    assert.equal(invitation.email, 'nouvelle.agente@example.test')
    assert.match(invitation.url, /\/invitations\/[\w-]{40,}$/)
    const stored = await AgentToken.query()
      .where({ agentId: agent.id, kind: 'invitation' })
      .firstOrFail()
    assert.notInclude(stored.tokenHash, tokenFrom(invitation.url))
    assert.lengthOf(stored.tokenHash, 64)

    const log = await AuditLog.query()
      .where({ action: 'agent.invited', collectivityId: t.communeA.id })
      .firstOrFail()
    assert.equal(log.agentId, t.adminA.id)
    assert.deepEqual(log.after, { email: 'nouvelle.agente@example.test', role: 'editor' })
  })

  test('accepting an invitation sets name and password, signs in, and spends the link', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const { invitationUrl } = await new InviteAgent().handle({
      email: 'invitee@example.test',
      collectivityId: t.communeA.id,
      role: 'moderator',
    })
    const token = tokenFrom(invitationUrl)

    const page = await client.get(`/invitations/${token}`).withInertia()
    page.assertStatus(200)
    page.assertInertiaComponent('auth/accept_invitation')
    page.assertInertiaPropsContains({ email: 'invitee@example.test' })

    const accepted = await client
      .post(`/invitations/${token}`)
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({
        fullName: 'Inès Invitée',
        password: NEW_PASSWORD,
        passwordConfirmation: NEW_PASSWORD,
      })
    accepted.assertStatus(302)
    accepted.assertHeader('location', '/')

    const agent = await Agent.verifyCredentials('invitee@example.test', NEW_PASSWORD)
    assert.equal(agent.fullName, 'Inès Invitée')

    const again = await client.get(`/invitations/${token}`).withInertia()
    again.assertStatus(410)
    again.assertInertiaComponent('errors/show')
    assert.include(again.inertiaProps.message, 'invalide, déjà utilisé ou expiré')
  })

  test('a signed-out visitor is sent to the login page with a French message', async ({
    client,
  }) => {
    const response = await client.get('/agents').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertFlashMessage('errorsBag', {
      E_UNAUTHORIZED_ACCESS: 'Connectez-vous pour accéder au back-office.',
    })
  })

  test('an expired invitation is refused', async ({ client }) => {
    const t = await territory()
    const { invitationUrl, agent } = await new InviteAgent().handle({
      email: 'late@example.test',
      collectivityId: t.communeA.id,
      role: 'editor',
    })
    await AgentToken.query()
      .where({ agentId: agent.id })
      .update({ expiresAt: new Date(Date.now() - 1000) })
    const response = await client.get(`/invitations/${tokenFrom(invitationUrl)}`).withInertia()
    response.assertStatus(410)
  })

  test('invitation form errors are French field errors (422 as JSON), nothing is written', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const { invitationUrl, agent } = await new InviteAgent().handle({
      email: 'weak@example.test',
      collectivityId: t.communeA.id,
      role: 'editor',
    })
    const response = await client
      .post(`/invitations/${tokenFrom(invitationUrl)}`)
      .header('accept', 'application/json')
      .withCsrfToken()
      .redirects(0)
      .json({ fullName: '', password: 'court', passwordConfirmation: 'autre' })
    response.assertStatus(422)
    const errors = response.body().errors as Array<{ field: string; message: string }>
    const byField = Object.fromEntries(errors.map((error) => [error.field, error.message]))
    assert.equal(byField.fullName, 'Le champ nom complet est obligatoire')
    assert.equal(byField.password, 'Le champ mot de passe doit contenir au moins 12 caractères')
    await agent.refresh()
    assert.isNull(agent.password)
  })

  test('login with good credentials opens a session and is audited; a bad one answers in French', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const good = await client
      .post('/login')
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({ email: 'ADMIN-A@example.test', password: PASSWORD })
    good.assertStatus(302)
    good.assertHeader('location', '/')
    assert.isNotNull(
      await AuditLog.query().where({ action: 'agent.login', agentId: t.adminA.id }).first()
    )

    const bad = await client
      .post('/login')
      .header('accept', 'application/json')
      .withCsrfToken()
      .redirects(0)
      .json({ email: 'admin-a@example.test', password: 'pas le bon' })
    bad.assertStatus(400)
    bad.assertBodyContains({
      errors: [
        { code: 'E_INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.' },
      ],
    })
  })

  test('login is rate limited per address and IP with a clear French message', async ({
    client,
    assert,
  }) => {
    await territory()
    for (let attempt = 0; attempt < LOGIN_ATTEMPTS; attempt++) {
      const response = await client
        .post('/login')
        .header('accept', 'application/json')
        .withCsrfToken()
        .redirects(0)
        .json({ email: 'editor-a@example.test', password: `mauvais ${attempt}` })
      response.assertStatus(400)
    }
    const blocked = await client
      .post('/login')
      .header('accept', 'application/json')
      .withCsrfToken()
      .redirects(0)
      .json({ email: 'editor-a@example.test', password: PASSWORD })
    blocked.assertStatus(429)
    assert.match(
      blocked.body().errors[0].message,
      /^Trop de tentatives de connexion\. Réessayez dans \d+ minutes?\.$/
    )
  })

  test('password reset: mail for a known address only, one-time link, new password works', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    for (const email of ['editor-a@example.test', 'inconnu@example.test']) {
      const response = await client
        .post('/password/forgot')
        .withInertia()
        .withCsrfToken()
        .redirects(0)
        .json({ email })
      response.assertStatus(302)
      response.assertHeader('location', '/login')
    }
    const sent = mails.mails.queued()
    assert.lengthOf(sent, 1)
    const resetMail = sent[0] as unknown as PasswordResetMail
    assert.instanceOf(resetMail, PasswordResetMail)
    assert.equal(resetMail.email, 'editor-a@example.test')
    const token = tokenFrom(resetMail.url)

    const mismatch = await client
      .post(`/password/reset/${token}`)
      .header('accept', 'application/json')
      .withCsrfToken()
      .redirects(0)
      .json({ password: NEW_PASSWORD, passwordConfirmation: 'différent' })
    mismatch.assertStatus(422)

    const reset = await client
      .post(`/password/reset/${token}`)
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({ password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
    reset.assertStatus(302)
    await Agent.verifyCredentials(t.editorA.email, NEW_PASSWORD)

    const reused = await client
      .post(`/password/reset/${token}`)
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({ password: PASSWORD, passwordConfirmation: PASSWORD })
    reused.assertStatus(410)
    assert.isNotNull(
      await AuditLog.query()
        .where({ action: 'agent.password_reset', agentId: t.editorA.id })
        .first()
    )
  })

  test('hostile strings are stored verbatim and rendered escaped; nothing answers 500', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const { invitationUrl } = await new InviteAgent().handle({
      email: 'hostile@example.test',
      collectivityId: t.communeA.id,
      role: 'editor',
    })
    const hostileName = `<script>alert(1)</script> '; DROP TABLE agents; --`
    const accepted = await client
      .post(`/invitations/${tokenFrom(invitationUrl)}`)
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({ fullName: hostileName, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
    accepted.assertStatus(302)
    const agent = await Agent.findByOrFail('email', 'hostile@example.test')
    assert.equal(agent.fullName, hostileName)

    // The full HTML page carries the name only inside the JSON page data, escaped.
    const html = await client.get('/agents').loginAs(t.adminA)
    html.assertStatus(200)
    assert.notInclude(html.text(), '<script>alert(1)</script>')
    assert.include(html.text(), 'DROP TABLE agents')

    for (const email of ['<script>alert(1)</script>', "'; DROP TABLE agents; --", '']) {
      const response = await client
        .post('/agents')
        .header('accept', 'application/json')
        .withCsrfToken()
        .redirects(0)
        .json({ email, role: 'superuser' })
        .loginAs(t.adminA)
      response.assertStatus(422)
      const fields = (response.body().errors as Array<{ field: string }>).map(
        (error) => error.field
      )
      assert.includeMembers(fields, ['email', 'role'])
    }
    const [count] = await Agent.query().count('* as total')
    assert.equal(Number(count.$extras.total), 7)
  })
})

test.group('Agents: password reset requests are rate limited', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  const askReset = (client: ApiClient, email: string, forwardedFor?: string) => {
    const request = client
      .post('/password/forgot')
      .header('accept', 'application/json')
      .withCsrfToken()
      .redirects(0)
    if (forwardedFor) request.header('x-forwarded-for', forwardedFor)
    return request.json({ email })
  }

  test('per address: known or unknown alike, then a French 429 and no more mail', async ({
    client,
    assert,
  }) => {
    await territory()
    for (const email of ['editor-a@example.test', 'personne@example.test']) {
      for (let request = 0; request < PASSWORD_RESET_LIMITS.perAddress.requests; request++) {
        const response = await askReset(client, email)
        response.assertStatus(302)
      }
      const blocked = await askReset(client, email.toUpperCase())
      blocked.assertStatus(429)
      assert.deepInclude(blocked.body().errors[0], { code: 'E_TOO_MANY_RESET_REQUESTS' })
      assert.match(blocked.body().errors[0].message, /^Trop de demandes de réinitialisation\./)
    }
    const tokens = await AgentToken.query().where({ kind: 'password_reset' })
    assert.lengthOf(tokens, PASSWORD_RESET_LIMITS.perAddress.requests)
  })

  test('per IP: walking through addresses stops, whatever X-Forwarded-For claims', async ({
    client,
    assert,
  }) => {
    await territory()
    for (let request = 0; request < PASSWORD_RESET_LIMITS.perIp.requests; request++) {
      const response = await askReset(
        client,
        `inconnu-${request}@example.test`,
        `203.0.113.${request}`
      )
      response.assertStatus(302)
    }
    // No proxy is trusted by default (TRUSTED_PROXIES empty): a forged client IP changes nothing.
    const blocked = await askReset(client, 'editor-a@example.test', '198.51.100.7')
    blocked.assertStatus(429)
    assert.isNull(await AgentToken.query().where({ kind: 'password_reset' }).first())
  })
})
