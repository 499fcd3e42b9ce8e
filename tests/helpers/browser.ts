import { PASSWORD } from '../functional/tenancy/fixtures.js'

/** Console reports of what the back-office's Content-Security-Policy blocked, per page. */
const cspViolations = new WeakMap<object, string[]>()

/** What the Content-Security-Policy blocked on a page signed in with `signIn` (empty when clean). */
export function cspViolationsOf(page: object): string[] {
  return cspViolations.get(page) ?? []
}

/**
 * Signs an agent in through the login page and waits for the dashboard; from the login page on,
 * every Content-Security-Policy refusal the page logs is kept (`cspViolationsOf`).
 */
export async function signIn(visit: any, email: string) {
  const page = await visit('/login')
  const blocked: string[] = []
  cspViolations.set(page, blocked)
  page.on('console', (message: { text(): string }) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text())
  })
  // The login page was loaded before the listener: load it again under watch.
  await page.reload()
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
