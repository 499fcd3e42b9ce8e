import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import type { BaseMail } from '@adonisjs/mail'
import type { Page } from 'playwright'
import Citizen from '#kernel/accounts/models/citizen'
import CitizenEmailVerificationMail from '#kernel/accounts/citizens/mails/citizen_email_verification_mail'
import CitizenPasswordResetMail from '#kernel/accounts/citizens/mails/citizen_password_reset_mail'
import { auchWithContent, followAuch, seriousViolations } from './fixtures.js'

type FakeMailer = ReturnType<typeof mail.fake>

/** The address (path and query) of the one app link in the latest mail of that kind. */
async function linkIn(
  fake: FakeMailer,
  kind: abstract new (...args: any[]) => BaseMail,
  path: string
): Promise<string> {
  const found = fake.mails.queued((queued) => queued instanceof kind)
  const latest = found.at(-1)
  if (!latest) throw new Error(`no ${kind.name} queued`)
  await latest.build()
  const html = String((latest.message.toJSON().message as { html?: string }).html)
  const match = new RegExp(`href="(https?://[^"]*${path}\\?token=[^"]+)"`).exec(html)
  if (!match) throw new Error(`no ${path} link in ${kind.name}`)
  const url = new URL(match[1].replaceAll('&amp;', '&'))
  return url.pathname + url.search
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto('/app/compte')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
}

/**
 * A resident's account in Chromium, the mailed links followed as they arrive in a mailbox
 * (mails caught by the fake mailer, their links read from the HTML a resident would click).
 */
test.group('Citizen app: account flows', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('register, verify through the mail, log in, forget the password, choose a new one', async ({
    visit,
    assert,
  }) => {
    await auchWithContent()
    const fake = mail.fake()
    const email = 'camille.dupont@example.org'
    const page = await visit('/app/communes')
    await followAuch(page)

    await page.goto('/app/compte/inscription')
    await page.getByLabel('Nom affiché').fill('Camille Dupont')
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByLabel('Mot de passe').fill('un mot de passe solide')
    await page.getByRole('button', { name: 'Créer mon compte' }).click()
    await page.getByText('Compte créé.').waitFor({ timeout: 30000 })
    assert.deepEqual(await seriousViolations(page), [], 'registered')

    const verifyLink = await linkIn(fake, CitizenEmailVerificationMail, '/app/verifier-email')
    await page.goto(verifyLink)
    await page.getByText('Votre adresse e-mail est vérifiée').waitFor({ timeout: 30000 })
    const citizen = await Citizen.findByOrFail('email', email)
    assert.isNotNull(citizen.emailVerifiedAt)
    assert.deepEqual(await seriousViolations(page), [], 'verified')

    // The same link a second time: spent. The page says so on arrival and offers a new one.
    await page.goto(verifyLink)
    const spent = page.getByTestId('link-refused')
    await spent.waitFor({ timeout: 30000 })
    assert.include(await spent.innerText(), 'Ce lien a déjà été utilisé')
    assert.equal(await spent.getByRole('link', { name: 'Recevoir un nouveau lien' }).count(), 1)
    assert.deepEqual(await seriousViolations(page), [], 'verification link spent')

    await logIn(page, email, 'un mot de passe solide')
    await page.getByTestId('signed-in').waitFor({ timeout: 30000 })
    assert.include(await page.getByTestId('signed-in').innerText(), 'Camille Dupont')
    assert.equal(await page.getByText('Adresse e-mail vérifiée.').count(), 1)
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.getByRole('heading', { name: 'Se connecter' }).waitFor()

    // Forgot password → the mail's link → a new password, which then opens the account.
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click()
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByRole('button', { name: 'Recevoir un lien' }).click()
    await page.getByText('un lien pour choisir un nouveau mot de passe').waitFor({ timeout: 30000 })
    const resetLink = await linkIn(fake, CitizenPasswordResetMail, '/app/nouveau-mot-de-passe')
    await page.goto(resetLink)
    await page.getByLabel('Nouveau mot de passe').fill('un tout nouveau mot de passe')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.getByText('Mot de passe changé.').waitFor({ timeout: 30000 })
    assert.deepEqual(await seriousViolations(page), [], 'password changed')

    await logIn(page, email, 'un mot de passe solide')
    await page
      .getByRole('alert')
      .filter({ hasText: /incorrect/i })
      .waitFor({ timeout: 30000 })
    await logIn(page, email, 'un tout nouveau mot de passe')
    await page.getByTestId('signed-in').waitFor({ timeout: 30000 })

    // The reset link once more: told spent as the page opens, before any typing, with a way
    // to ask for a new one.
    await page.goto(resetLink)
    const used = page.getByTestId('link-refused')
    await used.waitFor({ timeout: 30000 })
    assert.include(await used.innerText(), 'Ce lien a déjà été utilisé')
    assert.equal(await page.getByLabel('Nouveau mot de passe').count(), 0)
    assert.deepEqual(await seriousViolations(page), [], 'reset link spent')
    await page.getByRole('link', { name: 'Recevoir un nouveau lien' }).click()
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor()
  }).timeout(240_000)

  test('expired verification and reset links say so as they open and offer new ones', async ({
    visit,
    assert,
  }) => {
    await auchWithContent()
    const fake = mail.fake()
    const email = 'jean.martin@example.org'
    const page = await visit('/app/compte/inscription')
    await page.getByLabel('Nom affiché').fill('Jean Martin')
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByLabel('Mot de passe').fill('un mot de passe solide')
    await page.getByRole('button', { name: 'Créer mon compte' }).click()
    await page.getByText('Compte créé.').waitFor({ timeout: 30000 })

    await page.goto('/app/mot-de-passe-oublie')
    await page.getByLabel('Adresse e-mail').fill(email)
    await page.getByRole('button', { name: 'Recevoir un lien' }).click()
    await page.getByText('un lien pour choisir un nouveau mot de passe').waitFor({ timeout: 30000 })
    const resetLink = await linkIn(fake, CitizenPasswordResetMail, '/app/nouveau-mot-de-passe')
    // An hour and more later.
    await db
      .from('citizen_one_time_tokens')
      .where('purpose', 'reset_password')
      .update({ expires_at: new Date(Date.now() - 60_000) })

    await page.goto(resetLink)
    const refused = page.getByTestId('link-refused')
    await refused.waitFor({ timeout: 30000 })
    assert.include(await refused.innerText(), 'Ce lien a expiré')
    assert.equal(await page.getByLabel('Nouveau mot de passe').count(), 0)
    assert.deepEqual(await seriousViolations(page), [], 'expired reset link')

    // The verification mail, 48 hours and more later: not spent, not verified, says so.
    const verifyLink = await linkIn(fake, CitizenEmailVerificationMail, '/app/verifier-email')
    await db
      .from('citizen_one_time_tokens')
      .where('purpose', 'verify_email')
      .update({ expires_at: new Date(Date.now() - 60_000) })
    await page.goto(verifyLink)
    const expired = page.getByTestId('link-refused')
    await expired.waitFor({ timeout: 30000 })
    assert.include(await expired.innerText(), 'Ce lien a expiré')
    assert.equal(await expired.getByRole('link', { name: 'Recevoir un nouveau lien' }).count(), 1)
    const unverified = await Citizen.findByOrFail('email', email)
    assert.isNull(unverified.emailVerifiedAt)
    await page.goto(resetLink)
    await page
      .getByTestId('link-refused')
      .getByRole('link', { name: 'Recevoir un nouveau lien' })
      .click()
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor()
    // The old password still opens the account.
    await logIn(page, email, 'un mot de passe solide')
    await page.getByTestId('signed-in').waitFor({ timeout: 30000 })
  }).timeout(180_000)
})
