import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import Citizen from '#kernel/accounts/models/citizen'
import type CitizenPasswordResetMail from '#kernel/accounts/citizens/mails/citizen_password_reset_mail'
import type CitizenEmailVerificationMail from '#kernel/accounts/citizens/mails/citizen_email_verification_mail'
import { apiRateLimits } from '#start/limiter'
import { PASSWORD_RESET_MINIMUM_MS } from '#kernel/accounts/citizens/actions/request_citizen_password_reset'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { citizenWithToken, TEST_PASSWORD } from '#tests/helpers/citizens'

test.group('Citizen password reset', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('the answer never tells whether an address has an account', async ({ client, assert }) => {
    const fake = mail.fake()
    const { citizen } = await citizenWithToken({ verified: false })

    const known = await client
      .post('/api/v1/auth/forgot-password')
      .json({ email: citizen.email.toUpperCase() })
    const unknown = await client
      .post('/api/v1/auth/forgot-password')
      .json({ email: 'inconnu@example.org' })
    for (const response of [known, unknown]) {
      response.assertStatus(202)
      await assertMatchesOpenApi(response)
    }
    assert.deepEqual(known.body(), unknown.body())

    const mails = fake.mails.queued() as CitizenPasswordResetMail[]
    assert.lengthOf(mails, 1)
    assert.equal(mails[0].email, citizen.email)
  })

  test('a known and an unknown address are answered after about the same time', async ({
    client,
    assert,
  }) => {
    const { citizen } = await citizenWithToken()
    const durations = { known: [] as number[], unknown: [] as number[] }
    for (let round = 0; round < 3; round++) {
      for (const kind of ['known', 'unknown'] as const) {
        const email = kind === 'known' ? citizen.email : `personne-${round}@example.org`
        const started = performance.now()
        const response = await client.post('/api/v1/auth/forgot-password').json({ email })
        durations[kind].push(performance.now() - started)
        response.assertStatus(202)
      }
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]
    assert.isAtLeast(Math.min(...durations.known, ...durations.unknown), PASSWORD_RESET_MINIMUM_MS)
    assert.isBelow(Math.abs(median(durations.known) - median(durations.unknown)), 80)
  }).timeout(30_000)

  test('a mailed token sets a new password once and signs every device out', async ({
    client,
    assert,
  }) => {
    const fake = mail.fake()
    const { citizen, token: oldToken } = await citizenWithToken({ verified: false })
    await client.post('/api/v1/auth/forgot-password').json({ email: citizen.email })
    const [resetMail] = fake.mails.queued() as CitizenPasswordResetMail[]

    const tooShort = await client
      .post('/api/v1/auth/reset-password')
      .json({ token: resetMail.token, password: 'court' })
    tooShort.assertStatus(422)
    await assertMatchesOpenApi(tooShort)
    assert.equal(tooShort.body().errors[0].field, 'password')

    const reset = await client
      .post('/api/v1/auth/reset-password')
      .json({ token: resetMail.token, password: 'un tout nouveau secret' })
    reset.assertStatus(204)
    await assertMatchesOpenApi(reset)

    const signedOut = await client.get('/api/v1/auth/me').bearerToken(oldToken)
    signedOut.assertStatus(401)

    const oldPassword = await client
      .post('/api/v1/auth/login')
      .json({ email: citizen.email, password: TEST_PASSWORD })
    oldPassword.assertStatus(401)
    const newPassword = await client
      .post('/api/v1/auth/login')
      .json({ email: citizen.email, password: 'un tout nouveau secret' })
    newPassword.assertStatus(200)
    // Reading the mail proved the address.
    assert.isTrue(newPassword.body().data.citizen.email_verified)

    const replay = await client
      .post('/api/v1/auth/reset-password')
      .json({ token: resetMail.token, password: 'encore un autre secret' })
    replay.assertStatus(422)
    await assertMatchesOpenApi(replay)
    assert.deepInclude(replay.body().errors[0], { code: 'E_INVALID_TOKEN', field: 'token' })
  })

  test('an expired or unknown token changes nothing', async ({ client, assert }) => {
    const fake = mail.fake()
    const { citizen } = await citizenWithToken()
    await client.post('/api/v1/auth/forgot-password').json({ email: citizen.email })
    const [resetMail] = fake.mails.queued() as CitizenPasswordResetMail[]
    await db.from('citizen_one_time_tokens').update({ expires_at: new Date(Date.now() - 1000) })

    for (const token of [resetMail.token, 'x'.repeat(43)]) {
      const response = await client
        .post('/api/v1/auth/reset-password')
        .json({ token, password: 'un tout nouveau secret' })
      response.assertStatus(422)
      assert.equal(response.body().errors[0].code, 'E_INVALID_TOKEN')
    }
    const unchanged = await Citizen.verifyCredentials(citizen.email, TEST_PASSWORD)
    assert.equal(unchanged.id, citizen.id)
  })

  test('a verification token cannot reset a password', async ({ client, assert }) => {
    const fake = mail.fake()
    await client.post('/api/v1/auth/register').json({
      email: 'sacha@example.org',
      password: 'un mot de passe solide',
      display_name: 'Sacha',
    })
    const [verification] = fake.mails.queued() as CitizenEmailVerificationMail[]
    const response = await client
      .post('/api/v1/auth/reset-password')
      .json({ token: verification.token, password: 'un tout nouveau secret' })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].code, 'E_INVALID_TOKEN')
  })

  test('password-reset mails are rate-limited per IP', async ({ client, assert }) => {
    for (let request = 0; request < apiRateLimits.accountEmails.requests; request++) {
      const response = await client
        .post('/api/v1/auth/forgot-password')
        .json({ email: `x${request}@example.org` })
      response.assertStatus(202)
    }
    const blocked = await client
      .post('/api/v1/auth/forgot-password')
      .json({ email: 'encore@example.org' })
    blocked.assertStatus(429)
    await assertMatchesOpenApi(blocked)
    assert.exists(blocked.header('retry-after'))
  })
})
