import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Agent from '#kernel/accounts/models/agent'
import Membership from '#kernel/accounts/models/membership'
import { makeAgent, makeCollectivity, PASSWORD } from '../../functional/tenancy/fixtures.js'

/**
 * The real back-office in Chromium: the server must see the rows, so the tables are truncated
 * rather than wrapped in a transaction.
 */
test.group('Back-office in a browser', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('an admin signs in, switches authority and invites an agent', async ({ visit, assert }) => {
    const departement = await makeCollectivity('departement', 'Gers navigateur')
    const communeA = await makeCollectivity('commune', 'Auch navigateur', {
      departementId: departement.id,
    })
    const communeB = await makeCollectivity('commune', 'Condom navigateur', {
      departementId: departement.id,
    })
    await makeAgent('maire@example.test', [
      [communeA, 'admin'],
      [communeB, 'admin'],
    ])

    const page = await visit('/login')
    await page.getByLabel('Adresse e-mail').fill('maire@example.test')
    await page.getByLabel('Mot de passe').fill(PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page
      .getByRole('heading', { name: /Tableau de bord · Auch navigateur/ })
      .waitFor({ timeout: 30000 })

    await page.getByLabel('Collectivité', { exact: true }).selectOption(String(communeB.id))
    await page.getByRole('button', { name: 'Changer' }).click()
    await page.getByRole('heading', { name: /Tableau de bord · Condom navigateur/ }).waitFor()
    assert.include(await page.getByTestId('current-authority').innerText(), 'Condom navigateur')

    await page.getByRole('link', { name: 'Agents et rôles' }).click()
    await page.getByRole('heading', { name: 'Agents et rôles' }).waitFor()
    await page.getByLabel('Adresse e-mail').fill('secretaire@example.test')
    await page.getByLabel('Rôle', { exact: true }).selectOption('moderator')
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click()
    await page.getByText('Invitation envoyée à secretaire@example.test.').waitFor()
    assert.equal(await page.getByTestId('member-row').count(), 2)

    const invited = await Agent.findByOrFail('email', 'secretaire@example.test')
    const membership = await Membership.query().where({ agentId: invited.id }).firstOrFail()
    assert.equal(membership.collectivityId, communeB.id)
    assert.equal(membership.role, 'moderator')
  })
})
