import { PASSWORD } from '../functional/tenancy/fixtures.js'

/** Signs an agent in through the login page and waits for the dashboard. */
export async function signIn(visit: any, email: string) {
  const page = await visit('/login')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.getByRole('heading', { name: /Tableau de bord/ }).waitFor({ timeout: 30000 })
  return page
}

/** The id of the element that has the focus (after Vue's next tick and the focus move). */
export async function focusedId(page: any): Promise<string | null> {
  await page.waitForTimeout(150)
  return page.evaluate('document.activeElement?.id || null')
}
