import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import Membership from '#kernel/accounts/models/membership'
import AuditLog from '#kernel/accounts/models/audit_log'
import InviteAgent from '#kernel/accounts/actions/invite_agent'
import AgentInvite from '../../../commands/agent_invite.js'
import { territory } from '../tenancy/fixtures.js'

/**
 * Issue 10, item 6: inviting an address that is already a member never changes its role
 * silently; a confirmed change still never demotes the last admin.
 */
test.group('Invitations and existing members', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    mail.fake()
    return () => {
      mail.restore()
      ace.ui.switchMode('normal')
    }
  })

  async function roleOf(agentId: number, collectivityId: number) {
    const membership = await Membership.query().where({ agentId, collectivityId }).firstOrFail()
    return membership.role
  }

  test('inviting a member under another role is refused in French, next to the confirmation', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const response = await client
      .post('/agents')
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .header('referer', '/agents')
      .json({ email: 'editor-a@example.test', role: 'admin' })
      .loginAs(t.adminA)
    response.assertStatus(302)
    response.assertFlashMessage('inputErrorsBag', {
      confirmRoleChange: [
        'editor-a@example.test est déjà rédacteur de Commune A. Confirmez pour lui donner le rôle administrateur.',
      ],
    })
    assert.equal(await roleOf(t.editorA.id, t.communeA.id), 'editor')
  })

  test('a confirmed change is made and audited; the same role only re-issues the link', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const response = await client
      .post('/agents')
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({ email: 'editor-a@example.test', role: 'moderator', confirmRoleChange: true })
      .loginAs(t.adminA)
    response.assertStatus(302)
    response.assertHeader('location', '/agents')
    assert.equal(await roleOf(t.editorA.id, t.communeA.id), 'moderator')
    const log = await AuditLog.query()
      .where({ action: 'agent.invited', agentId: t.adminA.id })
      .firstOrFail()
    assert.deepEqual(
      [log.before, log.after],
      [{ role: 'editor' }, { email: 'editor-a@example.test', role: 'moderator' }]
    )

    await new InviteAgent().handle({
      email: 'editor-a@example.test',
      collectivityId: t.communeA.id,
      role: 'moderator',
    })
    assert.equal(await roleOf(t.editorA.id, t.communeA.id), 'moderator')
  })

  test('the last admin is never demoted by an invitation, even confirmed', async ({ assert }) => {
    const t = await territory()
    for (const confirmRoleChange of [false, true]) {
      await assert.rejects(
        () =>
          new InviteAgent().handle({
            email: 'admin-a@example.test',
            collectivityId: t.communeA.id,
            role: 'editor',
            confirmRoleChange,
          }),
        confirmRoleChange ? /doit garder au moins un administrateur/ : /est déjà administrateur/
      )
    }
    assert.equal(await roleOf(t.adminA.id, t.communeA.id), 'admin')
  })

  test('agent:invite refuses a role change without --change-role', async ({ assert }) => {
    const t = await territory()
    const refused = await ace.create(AgentInvite, [
      'editor-a@example.test',
      `--collectivity=${t.communeA.code}`,
      '--role=admin',
    ])
    await refused.exec()
    refused.assertFailed()
    refused.assertLogMatches(/Confirmez pour lui donner le rôle administrateur/)
    assert.equal(await roleOf(t.editorA.id, t.communeA.id), 'editor')

    const confirmed = await ace.create(AgentInvite, [
      'editor-a@example.test',
      `--collectivity=${t.communeA.code}`,
      '--role=admin',
      '--change-role',
    ])
    await confirmed.exec()
    confirmed.assertSucceeded()
    assert.equal(await roleOf(t.editorA.id, t.communeA.id), 'admin')
  })
})
