import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AgentInvite from '../../../commands/agent_invite.js'
import AgentSuperAdmin from '../../../commands/agent_super_admin.js'
import Agent from '#kernel/accounts/models/agent'
import AuditLog from '#kernel/accounts/models/audit_log'
import Membership from '#kernel/accounts/models/membership'
import AgentInvitationMail from '#kernel/accounts/mails/agent_invitation_mail'
import SetSuperAdmin from '#kernel/accounts/actions/set_super_admin'
import { makeAgent, makeCollectivity } from '../tenancy/fixtures.js'

type Command = Awaited<ReturnType<typeof ace.create>>

function output(command: Command, stream: 'stdout' | 'stderr') {
  return command.logger.getLogs().filter((log) => log.stream === stream)
}

async function rowCount(table: string) {
  const [row] = await db.from(table).count('* as total')
  return Number(row.total)
}

test.group('Accounts / agent:invite', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  let mails: ReturnType<typeof mail.fake>
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    mails = mail.fake()
    return () => {
      mail.restore()
      ace.ui.switchMode('normal')
    }
  })

  test('invites an agent: prints the one-time link it mails, membership and audit written', async ({
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Lectoure')
    const command = await ace.create(AgentInvite, [
      ' Secretaire@Lectoure.TEST',
      `--collectivity=${commune.code}`,
      '--role=editor',
    ])
    await command.exec()
    command.assertSucceeded()

    const printed = output(command, 'stdout')
      .map((log) => log.message)
      .join('\n')
    const link = printed.match(/Lien : (\S+)/)?.[1]
    assert.match(link ?? '', /^https?:\/\/.+\/invitations\/[\w-]{40,}$/)
    assert.include(printed, 'secretaire@lectoure.test : editor de Lectoure')

    const sent = mails.mails.sent()
    assert.lengthOf(sent, 1)
    const invitation = sent[0] as unknown as AgentInvitationMail
    assert.instanceOf(invitation, AgentInvitationMail)
    assert.equal(invitation.email, 'secretaire@lectoure.test')
    assert.equal(invitation.url, link)

    const agent = await Agent.findByOrFail('email', 'secretaire@lectoure.test')
    const membership = await Membership.query().where('agent_id', agent.id).firstOrFail()
    assert.equal(membership.collectivityId, commune.id)
    assert.equal(membership.role, 'editor')
    const log = await AuditLog.query().where('action', 'agent.invited').firstOrFail()
    assert.isNull(log.agentId, 'invited from the CLI: no agent behind it')
    assert.equal(log.collectivityId, commune.id)
  })

  test('an unknown collectivity, a bad role or a bad address: one line, exit 1, nothing written', async ({
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Condom')
    for (const argv of [
      ['agent@example.test', '--collectivity=99999', '--role=admin'],
      ['agent@example.test', `--collectivity=${commune.code}`, '--role=maire'],
      ['agent@example.test', `--collectivity=${commune.code}`, '--role=super-admin'],
      ['pas-une-adresse', `--collectivity=${commune.code}`, '--role=admin'],
      ["'; DROP TABLE agents; --", `--collectivity=${commune.code}`],
    ]) {
      ace.ui.logger.flushLogs()
      const command = await ace.create(AgentInvite, argv)
      await command.exec()
      command.assertFailed()
      const errors = output(command, 'stderr')
      assert.lengthOf(errors, 1, argv.join(' '))
      assert.notMatch(errors[0].message, /\n\s+at /, 'no stack trace')
    }
    assert.equal(await rowCount('agents'), 0)
    assert.equal(await rowCount('memberships'), 0)
    assert.equal(await rowCount('agent_tokens'), 0)
    assert.equal(await rowCount('audit_logs'), 0)
    assert.lengthOf(mails.mails.sent(), 0)
  })
})

test.group('Accounts / super-admin', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('agent:super-admin grants, then --revoke takes back, both audited', async ({ assert }) => {
    await makeAgent('dsi@gers.test', [], { isSuperAdmin: true })
    const agent = await makeAgent('chef.projet@gers.test')

    const grant = await ace.create(AgentSuperAdmin, ['  CHEF.PROJET@gers.test '])
    await grant.exec()
    grant.assertSucceeded()
    grant.assertLog('[ green(success) ] chef.projet@gers.test est super-administrateur', 'stdout')
    await agent.refresh()
    assert.isTrue(agent.isSuperAdmin)

    const again = await ace.create(AgentSuperAdmin, ['chef.projet@gers.test'])
    await again.exec()
    again.assertSucceeded()
    assert.match(output(again, 'stdout').at(-1)!.message, /\(inchangé\)/)

    const revoke = await ace.create(AgentSuperAdmin, ['chef.projet@gers.test', '--revoke'])
    await revoke.exec()
    revoke.assertSucceeded()
    await agent.refresh()
    assert.isFalse(agent.isSuperAdmin)

    const logs = await AuditLog.query().where('subject_id', String(agent.id)).orderBy('id')
    assert.deepEqual(
      logs.map((log) => [log.action, log.agentId, log.before, log.after]),
      [
        [
          'agent.super_admin_granted',
          null,
          { is_super_admin: false },
          { email: 'chef.projet@gers.test', is_super_admin: true },
        ],
        [
          'agent.super_admin_revoked',
          null,
          { is_super_admin: true },
          { email: 'chef.projet@gers.test', is_super_admin: false },
        ],
      ]
    )
  })

  test('the last super-admin cannot be revoked; an unknown agent is one clear line', async ({
    assert,
  }) => {
    const only = await makeAgent('dsi@gers.test', [], { isSuperAdmin: true })

    const revoke = await ace.create(AgentSuperAdmin, ['dsi@gers.test', '--revoke'])
    await revoke.exec()
    revoke.assertFailed()
    const errors = output(revoke, 'stderr')
    assert.lengthOf(errors, 1)
    assert.match(errors[0].message, /dernier super-administrateur/)
    await only.refresh()
    assert.isTrue(only.isSuperAdmin)

    ace.ui.logger.flushLogs()
    const unknown = await ace.create(AgentSuperAdmin, ['personne@gers.test'])
    await unknown.exec()
    unknown.assertFailed()
    const unknownErrors = output(unknown, 'stderr')
    assert.lengthOf(unknownErrors, 1)
    assert.match(unknownErrors[0].message, /Aucun agent « personne@gers\.test »/)
    assert.notMatch(unknownErrors[0].message, /\n\s+at /)
    assert.equal(await rowCount('agents'), 1)
    assert.equal(await rowCount('audit_logs'), 0)
  })
})

/** Real concurrent transactions: committed rows, truncated before and after. */
test.group('Accounts / super-admin under concurrency', (group) => {
  group.each.setup(async () => {
    const truncate = await testUtils.db().truncate()
    await truncate()
    return truncate
  })

  test('two super-admins revoked at the same time: one of them stays', async ({ assert }) => {
    const first = await makeAgent('un@gers.test', [], { isSuperAdmin: true })
    const second = await makeAgent('deux@gers.test', [], { isSuperAdmin: true })
    const outcomes = await Promise.allSettled([
      new SetSuperAdmin().handle({ email: first.email, superAdmin: false }),
      new SetSuperAdmin().handle({ email: second.email, superAdmin: false }),
    ])
    assert.deepEqual(outcomes.map((outcome) => outcome.status).sort(), ['fulfilled', 'rejected'])
    const refused = outcomes.find((outcome) => outcome.status === 'rejected')
    assert.equal((refused as PromiseRejectedResult).reason.code, 'E_LAST_SUPER_ADMIN')
    const [row] = await db.from('agents').where('is_super_admin', true).count('* as total')
    assert.equal(Number(row.total), 1)
  })
})
