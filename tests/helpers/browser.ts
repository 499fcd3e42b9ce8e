import { AxeBuilder } from '@axe-core/playwright'
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

/** WCAG 2.1 A and AA rules; a serious or critical violation fails the page. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
export const PHONE = { width: 390, height: 844 }

/**
 * Opens `path` and asserts that axe-core finds no serious or critical WCAG 2.1 AA violation,
 * then that the page does not scroll sideways on a 390 px phone (the elements sticking out
 * are named in the failure message).
 */
/** Fails with the rule and its elements when the page, as it stands, has a serious or critical violation. */
export async function assertNoSeriousViolation(page: any, assert: any, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  const blocking = results.violations.filter((violation) =>
    ['serious', 'critical'].includes(violation.impact ?? '')
  )
  assert.deepEqual(
    blocking.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
    ),
    [],
    what
  )
}

export async function assertAccessiblePage(page: any, path: string, who: string, assert: any) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(path)
  try {
    await page.locator('main h1').first().waitFor({ timeout: 30000 })
  } catch {
    const shown = String(await page.evaluate('document.body.innerText')).slice(0, 300)
    assert.fail(`${who} ${path} shows no page heading (at ${page.url()}): ${shown}`)
  }
  // The page itself, not a redirection elsewhere (a switched-off feature, a refusal).
  const reached = new URL(page.url())
  assert.equal(`${reached.pathname}${reached.search}`, path, `${who} ${path} was redirected`)
  await assertNoSeriousViolation(page, assert, `${who} ${path}`)
  await page.setViewportSize(PHONE)
  // Charts and maps redraw for the new width on their next frames: wait for the layout to
  // settle (at most 5 s), then measure.
  await page
    .waitForFunction(
      'document.documentElement.scrollWidth <= document.documentElement.clientWidth',
      undefined,
      { timeout: 5000 }
    )
    .catch(() => {})
  const overflow = await page.evaluate(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]'
  )
  const offenders =
    overflow[0] > overflow[1]
      ? await page.evaluate(
          `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${PHONE.width + 2}).slice(0, 8).map((e) => e.tagName + (e.id ? '#' + e.id : '')).join(', ')`
        )
      : ''
  assert.isAtMost(
    overflow[0],
    overflow[1],
    `${who} ${path} scrolls sideways at 390 px: ${offenders}`
  )
}
