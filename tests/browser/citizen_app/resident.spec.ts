import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import ICAL from 'ical.js'
import testUtils from '@adonisjs/core/services/test_utils'
import { auchWithContent, followAuch, seriousViolations } from './fixtures.js'

/**
 * The citizen app in Chromium as a resident uses it, against the real server (Vite development
 * middleware, the service worker included). Rows are truncated, not wrapped in a transaction,
 * so that the server sees them.
 */
test.group('Citizen app: a resident in a browser', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('chooses a commune, reads the feed, adds an event to the calendar, still reads the feed, menus and contacts offline', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { news, event } = await auchWithContent()
    const page = await visit('/app/')
    // The app's own invitation (the page's static title is there before the app runs).
    const choose = page.getByRole('link', { name: 'Choisir ma commune' }).first()
    await choose.waitFor({ timeout: 30000 })
    assert.deepEqual(await seriousViolations(page), [], 'empty feed')

    await choose.click()
    await page.getByLabel('Nom de la commune ou code postal').fill('32000')
    await page.getByRole('button', { name: 'Rechercher' }).click()
    await page.getByRole('button', { name: 'Auch (32000)' }).click()

    // The merged feed: the EPCI's news and the commune's event, each with its authority.
    const items = page.getByTestId('feed-item')
    await items.filter({ hasText: news.title }).waitFor()
    await items.filter({ hasText: event.title }).waitFor()
    assert.include(await items.filter({ hasText: news.title }).innerText(), 'Grand Auch')
    assert.deepEqual(await seriousViolations(page), [], 'feed')

    // Open the event, add it to the calendar: a valid iCalendar file with that event.
    await page.getByRole('link', { name: event.title }).click()
    await page.getByRole('heading', { name: event.title }).waitFor()
    assert.deepEqual(await seriousViolations(page), [], 'event')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ajouter à mon agenda' }).click(),
    ])
    const ics = await readFile((await download.path())!, 'utf8')
    const calendar = new ICAL.Component(ICAL.parse(ics))
    const events = calendar.getAllSubcomponents('vevent').map((entry) => new ICAL.Event(entry))
    assert.deepEqual(
      events.map((entry) => entry.summary),
      [event.title]
    )
    assert.equal(events[0].startDate.toJSDate().getTime(), event.startsAt.toMillis())

    // The service worker takes control; a reload fills its cache with the feed.
    await page.getByRole('link', { name: 'Fil', exact: true }).click()
    await page.waitForFunction(
      // Evaluated in the page (as source: the test program has no DOM types).
      'navigator.serviceWorker.ready.then((r) => Boolean(r.active && navigator.serviceWorker.controller))',
      undefined,
      { timeout: 30000 }
    )
    await page.reload()
    await items.filter({ hasText: news.title }).waitFor()
    assert.equal(await page.getByTestId('offline-banner').count(), 0)
    // Menus and contacts read once online, as a resident would before losing the network.
    const bottomBar = page.getByRole('navigation', { name: 'Rubriques' })
    await bottomBar.getByRole('link', { name: 'Menus' }).click()
    await page.getByText('Croustade aux pommes').waitFor({ timeout: 30000 })
    await bottomBar.getByRole('link', { name: 'Contacts' }).click()
    await page.getByText('Mairie d’Auch').first().waitFor({ timeout: 30000 })
    await bottomBar.getByRole('link', { name: 'Fil' }).click()
    await items.filter({ hasText: news.title }).waitFor()

    await browserContext.setOffline(true)
    await page.reload()
    await page.getByTestId('offline-banner').waitFor({ timeout: 30000 })
    assert.match(await page.getByTestId('offline-banner').innerText(), /Hors ligne/)
    await items.filter({ hasText: news.title }).waitFor()
    await items.filter({ hasText: event.title }).waitFor()
    assert.deepEqual(await seriousViolations(page), [], 'offline feed')
    // Offline, the menus and contacts kept by the service worker, under the same banner.
    await bottomBar.getByRole('link', { name: 'Menus' }).click()
    await page.getByText('Croustade aux pommes').waitFor({ timeout: 30000 })
    assert.match(await page.getByTestId('offline-banner').innerText(), /Hors ligne/)
    await bottomBar.getByRole('link', { name: 'Contacts' }).click()
    await page.getByText('Mairie d’Auch').first().waitFor({ timeout: 30000 })
    assert.match(await page.getByTestId('offline-banner').innerText(), /Hors ligne/)
    assert.equal(
      await page.getByRole('link', { name: 'Appeler le 05 62 61 21 00' }).getAttribute('href'),
      'tel:0562612100'
    )
    assert.deepEqual(await seriousViolations(page), [], 'offline contacts')
    await browserContext.setOffline(false)
  }).timeout(180_000)

  test('every info screen: no serious axe violation, no sideways scroll at 320 px and 200 % text', async ({
    visit,
    assert,
  }) => {
    await auchWithContent()
    const page = await visit('/app/communes')
    await followAuch(page)
    await page.setViewportSize({ width: 320, height: 640 })
    const screens: Array<[string, string]> = [
      ['/app/', 'Travaux sur la rocade'],
      ['/app/agenda', 'Concert de jazz au Dôme'],
      ['/app/lieux', 'Marché de la place de la Libération'],
      ['/app/menus', 'Croustade aux pommes'],
      ['/app/contacts', 'Mairie d’Auch'],
      ['/app/communes', 'Communes suivies'],
      ['/app/alertes', 'Recevoir les alertes'],
      ['/app/compte', 'Se connecter'],
      ['/app/compte/inscription', 'Créer mon compte'],
      ['/app/mot-de-passe-oublie', 'Recevoir un lien'],
      ['/app/adresse-inconnue', 'Page introuvable'],
    ]
    for (const [path, text] of screens) {
      await page.goto(path)
      await page.getByText(text).first().waitFor({ timeout: 30000 })
      assert.deepEqual(await seriousViolations(page), [], path)
      for (const textSize of ['100%', '200%']) {
        await page.evaluate(`document.documentElement.style.fontSize = '${textSize}'`)
        const width = await page.evaluate<number>('document.documentElement.scrollWidth')
        assert.isAtMost(width, 320, `${path} at ${textSize} text is ${width} px wide`)
      }
    }

    // Menus in words and pictograms (the words come from GET /api/v1/vocabularies).
    await page.goto('/app/menus')
    const menu = page.getByTestId('menu').first()
    await menu.getByText('Croustade aux pommes').waitFor()
    const text = await menu.innerText()
    for (const word of ['Déjeuner', 'Plat', 'Label Rouge', 'Fait maison', 'Gluten', 'Œufs', '🌾']) {
      assert.include(text, word)
    }
    // Contacts: tap to call.
    await page.goto('/app/contacts')
    const call = page.getByRole('link', { name: 'Appeler le 05 62 61 21 00' })
    assert.equal(await call.getAttribute('href'), 'tel:0562612100')
    // Places: the map without tiles still draws the market; the detail says when it opens.
    await page.goto('/app/lieux')
    await page.getByRole('button', { name: 'Carte' }).click()
    await page.getByText('Fond de carte non configuré').waitFor()
    await page.locator('.map path.leaflet-interactive').first().waitFor({ timeout: 30000 })
    assert.equal(await page.locator('.map path.leaflet-interactive').count(), 1)
    assert.deepEqual(await seriousViolations(page), [], 'map')
    await page.getByRole('button', { name: 'Liste' }).click()
    await page.getByRole('link', { name: 'Marché de la place de la Libération' }).click()
    await page.getByText('Prochaine ouverture').waitFor()
    assert.deepEqual(await seriousViolations(page), [], 'place')
  }).timeout(300_000)

  test('the keyboard reaches the skip link first, and the menus in order', async ({
    visit,
    assert,
  }) => {
    await auchWithContent()
    const page = await visit('/app/communes')
    await followAuch(page)
    await page.goto('/app/')
    await page.getByText('Travaux sur la rocade').waitFor({ timeout: 30000 })
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Aller au contenu')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    const focused = await page.evaluate<boolean>("document.activeElement?.closest('main') !== null")
    assert.isTrue(focused, 'after the skip link, focus moves into the content')
    await page.goto('/app/agenda')
    await page.getByRole('link', { name: 'Concert de jazz au Dôme' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Concert de jazz au Dôme' }).waitFor()
    assert.equal(await page.evaluate('document.activeElement?.id'), 'contenu')
  }).timeout(120_000)
})
