import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import type CitizenPasswordResetMail from '#kernel/accounts/citizens/mails/citizen_password_reset_mail'
import type CitizenEmailVerificationMail from '#kernel/accounts/citizens/mails/citizen_email_verification_mail'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { citizenWithToken } from '#tests/helpers/citizens'

/** GET /api/v1/auth/{reset-password,verify-email}/:token: the page a mailed link opens asks first. */
test.group('Citizen mailed links: checked without being spent', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a fresh reset link answers 200, stays usable, then says it was used', async ({
    client,
    assert,
  }) => {
    const fake = mail.fake()
    const { citizen } = await citizenWithToken()
    await client.post('/api/v1/auth/forgot-password').json({ email: citizen.email })
    const [sent] = fake.mails.queued() as CitizenPasswordResetMail[]
    mail.restore()

    const check = await client.get(`/api/v1/auth/reset-password/${sent.token}`)
    check.assertStatus(200)
    await assertMatchesOpenApi(check)
    assert.equal(check.header('cache-control'), 'no-store')
    assert.isAbove(Date.parse(check.body().data.expires_at), Date.now())

    // Checking did not spend it: the password can still be changed, once.
    const reset = await client
      .post('/api/v1/auth/reset-password')
      .json({ token: sent.token, password: 'un tout nouveau secret' })
    reset.assertStatus(204)

    const used = await client.get(`/api/v1/auth/reset-password/${sent.token}`)
    used.assertStatus(410)
    await assertMatchesOpenApi(used)
    assert.deepEqual(used.body().errors, [
      {
        code: 'E_LINK_USED',
        message:
          'Ce lien a déjà été utilisé ou remplacé par un lien plus récent : demandez-en un nouveau',
        field: 'token',
      },
    ])
  })

  test('an expired reset link answers 410 E_LINK_EXPIRED', async ({ client, assert }) => {
    const fake = mail.fake()
    const { citizen } = await citizenWithToken()
    await client.post('/api/v1/auth/forgot-password').json({ email: citizen.email })
    const [sent] = fake.mails.queued() as CitizenPasswordResetMail[]
    mail.restore()
    await db.from('citizen_one_time_tokens').update({ expires_at: new Date(Date.now() - 1000) })

    const response = await client.get(`/api/v1/auth/reset-password/${sent.token}`)
    response.assertStatus(410)
    await assertMatchesOpenApi(response)
    assert.deepEqual(response.body().errors, [
      {
        code: 'E_LINK_EXPIRED',
        message: 'Ce lien a expiré : demandez-en un nouveau',
        field: 'token',
      },
    ])
  })

  test('a verification link is checked for its own purpose only', async ({ client, assert }) => {
    const fake = mail.fake()
    await client.post('/api/v1/auth/register').json({
      email: 'sacha@example.org',
      password: 'un mot de passe solide',
      display_name: 'Sacha',
    })
    const [sent] = fake.mails.queued() as CitizenEmailVerificationMail[]
    mail.restore()

    const check = await client.get(`/api/v1/auth/verify-email/${sent.token}`)
    check.assertStatus(200)
    await assertMatchesOpenApi(check)
    // A verification token is no reset link.
    const wrongPurpose = await client.get(`/api/v1/auth/reset-password/${sent.token}`)
    wrongPurpose.assertStatus(410)
    assert.equal(wrongPurpose.body().errors[0].code, 'E_LINK_USED')

    const verified = await client.post('/api/v1/auth/verify-email').json({ token: sent.token })
    verified.assertStatus(200)
    const again = await client.get(`/api/v1/auth/verify-email/${sent.token}`)
    again.assertStatus(410)
    await assertMatchesOpenApi(again)
    assert.equal(again.body().errors[0].code, 'E_LINK_USED')
  })
})
