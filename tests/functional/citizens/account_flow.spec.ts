import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import Citizen from '#kernel/accounts/models/citizen'
import CitizenEmailVerificationMail from '#kernel/accounts/citizens/mails/citizen_email_verification_mail'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { ensureCommune } from '#tests/helpers/citizens'

test.group('Citizen account: the whole journey', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('register, verify, log in, read and change the profile, export, delete', async ({
    client,
    assert,
  }) => {
    const auch = await ensureCommune('32013', 'Auch')
    const condom = await ensureCommune('32107', 'Condom')
    const fake = mail.fake()

    // Register: 202 (the same answer as for a taken address), the account is there,
    // unverified, and a verification mail is queued.
    const registered = await client.post('/api/v1/auth/register').json({
      email: '  Camille.Dupont@Example.ORG ',
      password: 'un mot de passe solide',
      display_name: 'Camille Dupont',
      home_commune_code: '32013',
    })
    registered.assertStatus(202)
    await assertMatchesOpenApi(registered)

    const [verification] = fake.mails.queued(
      (queued) => queued instanceof CitizenEmailVerificationMail
    ) as CitizenEmailVerificationMail[]
    assert.exists(verification)
    assert.equal(verification.email, 'camille.dupont@example.org')
    const stored = await Citizen.findByOrFail('email', 'camille.dupont@example.org')
    assert.notEqual(stored.password, 'un mot de passe solide')
    assert.isNull(stored.emailVerifiedAt)
    assert.equal(stored.homeCommuneId, auch.id)

    // Verify the address with the mailed token; the token is single-use.
    const verified = await client
      .post('/api/v1/auth/verify-email')
      .json({ token: verification.token })
    verified.assertStatus(200)
    await assertMatchesOpenApi(verified)
    assert.isTrue(verified.body().data.email_verified)
    const reused = await client
      .post('/api/v1/auth/verify-email')
      .json({ token: verification.token })
    reused.assertStatus(422)
    await assertMatchesOpenApi(reused)
    assert.equal(reused.body().errors[0].code, 'E_INVALID_TOKEN')

    // Log in, with the address spelled differently.
    const login = await client.post('/api/v1/auth/login').json({
      email: 'CAMILLE.DUPONT@example.org',
      password: 'un mot de passe solide',
      device_name: 'Pixel 8',
    })
    login.assertStatus(200)
    await assertMatchesOpenApi(login)
    const token = login.body().data.token.value as string
    assert.match(token, /^bst_/)

    // Read and change the profile; authenticated reads are never cached.
    const me = await client.get('/api/v1/auth/me').bearerToken(token)
    me.assertStatus(200)
    await assertMatchesOpenApi(me)
    assert.equal(me.header('cache-control'), 'private, no-store')
    assert.notExists(me.header('etag'))

    const patched = await client
      .patch('/api/v1/auth/me')
      .bearerToken(token)
      .json({ display_name: 'Camille D.', home_commune_code: '32107' })
    patched.assertStatus(200)
    await assertMatchesOpenApi(patched)
    assert.equal(patched.body().data.display_name, 'Camille D.')
    assert.equal(patched.body().data.home_commune.id, condom.id)

    const cleared = await client
      .patch('/api/v1/auth/me')
      .bearerToken(token)
      .json({ home_commune_code: null })
    cleared.assertStatus(200)
    assert.isNull(cleared.body().data.home_commune)

    // GDPR export: the account and every module's part.
    const exported = await client.get('/api/v1/me/export').bearerToken(token)
    exported.assertStatus(200)
    await assertMatchesOpenApi(exported)
    assert.equal(exported.body().account.email, 'camille.dupont@example.org')
    assert.equal(exported.body().account.access_tokens[0].name, 'Pixel 8')
    assert.include(String(exported.header('content-disposition')), 'attachment')

    // Deletion needs the password; a wrong one changes nothing.
    const refused = await client
      .delete('/api/v1/me')
      .bearerToken(token)
      .json({ password: 'pas le bon mot de passe' })
    refused.assertStatus(422)
    await assertMatchesOpenApi(refused)
    assert.equal(refused.body().errors[0].field, 'password')
    assert.exists(await Citizen.find(stored.id))

    const deleted = await client
      .delete('/api/v1/me')
      .bearerToken(token)
      .json({ password: 'un mot de passe solide' })
    deleted.assertStatus(204)
    await assertMatchesOpenApi(deleted)
    assert.isNull(await Citizen.find(stored.id))
    const tokens = await db.from('citizen_access_tokens').where('tokenable_id', stored.id)
    assert.lengthOf(tokens, 0)

    const afterwards = await client.get('/api/v1/auth/me').bearerToken(token)
    afterwards.assertStatus(401)
    await assertMatchesOpenApi(afterwards)
  })
})
