import { DateTime } from 'luxon'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright'
import OnboardCommune from '#kernel/territories/actions/onboard_commune'
import Collectivity from '#kernel/territories/models/collectivity'
import SaveNews from '#info/actions/save_news'
import SaveEvent from '#info/actions/save_event'
import SavePlace from '#info/actions/save_place'
import SaveCanteen from '#info/actions/save_canteen'
import SaveMenu from '#info/actions/save_menu'
import SaveContact from '#info/actions/save_contact'
import PublishContent from '#info/actions/publish_content'
import { TIME_ZONE } from '#info/vocabulary'

/**
 * Auch (32013) onboarded from the COG with its EPCI and the Gers, markets and canteens switched
 * on, and one published item of each kind the app shows: the EPCI's news, the commune's event,
 * a market, a canteen with this week's menu, a contact.
 */
export async function auchWithContent() {
  await new OnboardCommune().handle({ insee: '32013' })
  const auch = await Collectivity.findByOrFail({ kind: 'commune', code: '32013' })
  auch.modules = {
    ...auch.modules,
    markets: { enabled: true, settings: {} },
    canteens: { enabled: true, settings: { showAllergens: true } },
  }
  auch.branding = { colour: '#7c2d12' }
  await auch.save()
  const epciId = auch.epciId!
  const publish = (type: any, id: number) => new PublishContent().handle({ type, id })

  const news = await new SaveNews().handle(epciId, {
    title: 'Travaux sur la rocade',
    summary: 'La rocade est réduite à une voie jusqu’à vendredi.',
    body: '<p>Les travaux de réfection durent cinq jours.</p>',
  })
  await publish('news', news.id)
  const start = DateTime.now()
    .setZone(TIME_ZONE)
    .plus({ days: 2 })
    .set({ hour: 20, minute: 30, second: 0, millisecond: 0 })
  const event = await new SaveEvent().handle(auch.id, {
    title: 'Concert de jazz au Dôme',
    description: '<p>Jazz in Marciac en avant-première.</p>',
    startsAt: start,
    endsAt: start.plus({ hours: 2 }),
    placeName: 'Le Dôme de Gascogne',
    category: 'culture',
  })
  await publish('event', event.id)
  const market = await new SavePlace().handle(auch.id, {
    category: 'market',
    name: 'Marché de la place de la Libération',
    lat: 43.6465,
    lng: 0.5855,
    openingHours: 'Sa 08:00-13:00',
  })
  await publish('place', market.id)
  const canteen = await new SaveCanteen().handle(auch.id, {
    name: 'École Jean-Jaurès',
    type: 'elementaire',
  })
  await publish('canteen', canteen.id)
  const menu = await new SaveMenu().handle(auch.id, {
    canteenId: canteen.id,
    date: DateTime.now().setZone(TIME_ZONE).startOf('day'),
    meal: 'dejeuner',
    dishes: [
      {
        course: 'plat',
        name: 'Poulet fermier du Gers',
        labels: ['local', 'label_rouge'],
        allergens: [],
      },
      {
        course: 'dessert',
        name: 'Croustade aux pommes',
        labels: ['fait_maison'],
        allergens: ['gluten', 'oeufs'],
      },
    ],
  })
  await publish('menu', menu.id)
  const contact = await new SaveContact().handle(auch.id, {
    theme: 'mairie',
    name: 'Mairie d’Auch',
    phone: '05 62 61 21 00',
  })
  await publish('contact', contact.id)
  return { auch, news, event }
}

/** axe-core on the page: no serious or critical violation (RGAA 4.1 / WCAG 2.1 AA rules). */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
    )
}

/** The resident has already chosen Auch (what the commune screen stores). */
export async function followAuch(page: Page) {
  await page.evaluate(() => {
    localStorage.setItem(
      'bastide.communes',
      JSON.stringify([{ code: '32013', name: 'Auch', postal_codes: ['32000'] }])
    )
    localStorage.setItem('bastide.commune', '32013')
  })
}

/** The app on Auch, signed in with `token` (what the login form stores), at `path`. */
export async function openSignedIn(visit: any, token: string, path: string): Promise<Page> {
  const page: Page = await visit('/app/communes')
  await followAuch(page)
  await page.evaluate((value) => localStorage.setItem('bastide.token', value), token)
  await page.goto(path)
  return page
}

/** axe-core clean and no sideways scroll at 320 px and 390 px, with 100 % and 200 % text. */
export async function assertFitsPhones(page: Page, assert: any, what: string) {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 720 })
    assert.deepEqual(await seriousViolations(page), [], `${what} at ${width} px`)
    for (const textSize of ['100%', '200%']) {
      await page.evaluate(`document.documentElement.style.fontSize = '${textSize}'`)
      const scrolled = await page.evaluate<number>('document.documentElement.scrollWidth')
      assert.isAtMost(scrolled, width, `${what} at ${width} px and ${textSize} text`)
    }
    await page.evaluate(`document.documentElement.style.fontSize = ''`)
  }
}
