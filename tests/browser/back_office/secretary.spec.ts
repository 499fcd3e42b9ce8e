import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import News from '#info/models/news'
import Place from '#info/models/place'
import Media from '#kernel/media/models/media'
import Membership from '#kernel/accounts/models/membership'
import Collectivity from '#kernel/territories/models/collectivity'
import ProcessMedia from '#kernel/media/actions/process_media'
import { closeQueues } from '#kernel/queue/queues'
import { fixtureDir, png } from '#tests/fixtures/media/generate'
import { makeAgent, makeCollectivity, switchOn } from '../../functional/tenancy/fixtures.js'
import { signIn } from '#tests/helpers/browser'

/**
 * Issue 10 in Chromium, as a small commune's secretary would click through it: rich text,
 * pictures, settings in French, navigation following the modules, invitations, maps.
 */
test.group('Back-office for a town-hall secretary', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  let files: Awaited<ReturnType<typeof fixtureDir>>
  group.setup(async () => {
    files = await fixtureDir()
    return async () => {
      await files.remove()
      await closeQueues()
    }
  })

  test('rich text without HTML: toolbar formatting, Word paste cleaned, stored sanitised', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Montréal navigateur')
    await makeAgent('redaction@example.test', [[commune, 'editor']])
    const page = await signIn(visit, 'redaction@example.test')
    await page.goto('/info/news?edit=new')
    await page.getByLabel('Titre').fill('Vide-grenier')
    const editor = page.getByRole('textbox', { name: 'Texte' })
    await editor.click()
    await page.keyboard.type('Dimanche sur la place.')
    await editor.getByText('Dimanche sur la place.').waitFor()
    await page.keyboard.press('Home')
    for (let index = 0; index < 'Dimanche'.length; index++)
      await page.keyboard.press('Shift+ArrowRight')
    await page.getByRole('button', { name: 'Gras' }).click()
    // Tiptap gives the focus back to the text (with the bold word still selected) on a later
    // frame: wait for the bold word and that focus, then collapse the caret to the end, or the
    // paste replaces the bold word.
    await editor.locator('strong', { hasText: 'Dimanche' }).waitFor()
    await page.waitForFunction('document.activeElement?.isContentEditable === true')
    // The paste goes where ProseMirror's own selection is (Tiptap hangs its editor on the
    // element). Tiptap's focus, a frame after the click, can write the bold word's selection
    // back over an End pressed before it: press End again until the editor's caret collapses.
    const caretCollapsed =
      "document.querySelector('.rich-text-area')?.editor?.state.selection.empty === true"
    for (let attempt = 1; ; attempt++) {
      await editor.press('End')
      const collapsed = await page
        .waitForFunction(caretCollapsed, undefined, { timeout: 1000 })
        .then(
          () => true,
          () => false
        )
      if (collapsed) break
      assert.isBelow(attempt, 10, 'the caret never collapsed after the bold word')
    }
    // A paste from Word: Office markup, styles and a script.
    const wordHtml =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p{color:red}</style></head><body>' +
      '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->' +
      '<p class="MsoNormal" style="mso-line-height-rule:exactly;color:red"><b>Inscriptions</b> en mairie<o:p></o:p></p>' +
      '<script>alert(1)</script><ul><li style="color:blue">Stand : 5 €</li></ul></body></html>'
    // Runs in the page (a string: the test's TypeScript knows no DOM).
    await page.evaluate(`(() => {
      const data = new DataTransfer()
      data.setData('text/html', ${JSON.stringify(wordHtml)})
      data.setData('text/plain', 'Inscriptions en mairie')
      document.querySelector('.rich-text-area').dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
      )
    })()`)
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await page.getByRole('heading', { name: /Modifier : actualité/ }).waitFor()
    const news = await News.findByOrFail({ collectivityId: commune.id })
    assert.include(news.body!, '<strong>Dimanche</strong> sur la place.')
    assert.include(news.body!, '<strong>Inscriptions</strong> en mairie')
    assert.include(news.body!, '<li><p>Stand : 5 €</p></li>')
    for (const forbidden of ['style', 'class=', '<script', 'mso', 'o:p', 'alert', '<!--']) {
      assert.notInclude(news.body!, forbidden, news.body!)
    }
    // The editor shows the stored text again, with its formatting.
    assert.equal(await page.locator('.rich-text-area strong').first().innerText(), 'Dimanche')
  })

  test('pictures: a photo uploaded with progress, its thumbnail in the form and the list, replaced, removed', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Eauze navigateur')
    await makeAgent('photo@example.test', [[commune, 'editor']])
    const page = await signIn(visit, 'photo@example.test')
    await page.goto('/info/news?edit=new')
    await page.getByLabel('Titre').fill('Nouvelle halle')
    // The upload is held at the network until the progress bar has been seen.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/media/uploads', async (route: any) => {
      await held
      await route.continue()
    })
    await page.getByLabel('Photo', { exact: true }).setInputFiles(await png(files.dir, 640, 480))
    await page.getByRole('progressbar', { name: 'Envoi de Photo' }).waitFor()
    release()
    await page.getByText('Image reçue : traitement en cours').waitFor()
    await page.unroute('**/media/uploads')
    assert.equal(await page.getByRole('progressbar', { name: 'Envoi de Photo' }).count(), 0)
    assert.isTrue(await page.getByRole('img', { name: 'Aperçu : Photo' }).isVisible())
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await page.getByRole('heading', { name: /Modifier : actualité/ }).waitFor()
    const news = await News.findByOrFail({ collectivityId: commune.id })
    assert.isNotNull(news.imageMediaId)

    // Processed (as a worker would): the list and the form show the real thumbnail.
    await new ProcessMedia().handle(news.imageMediaId!)
    await page.reload()
    const thumbnail = page.getByRole('img', { name: 'Aperçu : Photo' })
    await thumbnail.waitFor()
    assert.match((await thumbnail.getAttribute('src'))!, /\/media\/.+\.(webp|jpg)$/)
    assert.equal(await page.locator('img.row-thumb').count(), 1)

    // Replaced: another file chosen in the same picker takes the first one's place.
    const first = news.imageMediaId
    await page
      .getByLabel('Photo', { exact: true })
      .setInputFiles(await png(files.dir, 320, 240, 'autre.png'))
    await page.getByText('Image reçue : traitement en cours').waitFor()
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await page.getByText('Modifications enregistrées.').waitFor()
    await news.refresh()
    assert.isNotNull(news.imageMediaId)
    assert.notEqual(news.imageMediaId, first)
    await new ProcessMedia().handle(news.imageMediaId!)
    await page.reload()
    await page.getByRole('img', { name: 'Aperçu : Photo' }).waitFor()

    await page.getByRole('button', { name: 'Retirer photo' }).click()
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await page.getByText('Modifications enregistrées.').waitFor()
    await news.refresh()
    assert.isNull(news.imageMediaId)
    // « Nouveau » never carries the previous item's photo.
    await page.getByRole('link', { name: 'Nouveau : actualité' }).click()
    await page.getByRole('heading', { name: 'Nouveau : actualité' }).waitFor()
    assert.equal(await page.getByRole('img', { name: 'Aperçu : Photo' }).count(), 0)
  })

  test('settings as real controls, navigation following the modules, logo and colour in the header', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Marciac navigateur')
    await makeAgent('maire@example.test', [[commune, 'admin']])
    const page = await signIn(visit, 'maire@example.test')
    const nav = page.getByRole('navigation', { name: 'Navigation principale' })
    assert.equal(await nav.getByRole('link', { name: 'Cantines' }).count(), 0)
    assert.equal(await nav.getByRole('link', { name: 'Sondages' }).count(), 0)

    await nav.getByRole('link', { name: 'Modules et identité' }).click()
    await page.getByRole('heading', { name: 'Modules et identité visuelle' }).waitFor()
    await page
      .getByTestId('feature-canteens')
      .getByRole('checkbox', { name: /Menus des cantines/ })
      .check()
    await page
      .getByTestId('feature-polls')
      .getByRole('checkbox', { name: /Sondages/ })
      .check()
    // Settings are controls with French labels, not free text holding `after_close`.
    const visibility = page.getByLabel('Résultats visibles par les habitants')
    assert.equal(
      await visibility.evaluate((element: { tagName: string }) => element.tagName),
      'SELECT'
    )
    assert.deepEqual(await visibility.locator('option').allInnerTexts(), [
      'Pendant le vote',
      'Après la clôture',
    ])
    await visibility.selectOption({ label: 'Pendant le vote' })
    await page.getByLabel('Afficher les allergènes aux familles').uncheck()
    await page.getByRole('button', { name: 'Enregistrer les modules' }).click()
    await page.getByText('Modules enregistrés.').waitFor()
    await nav.getByRole('link', { name: 'Cantines' }).waitFor()
    const saved = await Collectivity.findOrFail(commune.id)
    assert.equal(saved.modules.polls.settings.resultsVisibility, 'live')
    assert.isFalse(saved.modules.canteens.settings.showAllergens)

    // Logo uploaded (not a URL) and colour.
    await page
      .getByLabel('Logo', { exact: true })
      .setInputFiles(await png(files.dir, 400, 200, 'logo.png'))
    await page.getByText('Image reçue : traitement en cours').waitFor()
    await page.getByLabel('Couleur principale').fill('#7c2d12')
    await page.getByRole('button', { name: "Enregistrer l'identité" }).click()
    await page.getByText('Identité visuelle enregistrée.').waitFor()
    const branded = await Collectivity.findOrFail(commune.id)
    const logo = await Media.findOrFail(branded.branding.logoMediaId)
    await new ProcessMedia().handle(logo.id)
    await page.reload()
    const headerLogo = page.getByTestId('brand-logo')
    await headerLogo.waitFor()
    assert.match((await headerLogo.getAttribute('src'))!, new RegExp(`/media/${logo.publicId}/`))
    assert.equal(await headerLogo.getAttribute('alt'), 'Logo de Marciac navigateur')
    const border = await page
      .locator('header.topbar')
      .evaluate((element: any) => (globalThis as any).getComputedStyle(element).borderBottomColor)
    assert.equal(border, 'rgb(124, 45, 18)')

    // Switched on, its page is reachable by URL too.
    await page.goto('/info/canteens')
    await page.getByRole('heading', { name: 'Cantines', exact: true }).waitFor()

    // Switched off again: the tab goes, and the page is closed by URL (a bookmark, the history).
    await page.goto('/settings')
    await page
      .getByTestId('feature-canteens')
      .getByRole('checkbox', { name: /Menus des cantines/ })
      .uncheck()
    await page.getByRole('button', { name: 'Enregistrer les modules' }).click()
    await page.getByText('Modules enregistrés.').waitFor()
    assert.equal(await nav.getByRole('link', { name: 'Cantines' }).count(), 0)
    await page.goto('/info/canteens')
    await page.getByRole('heading', { name: /Tableau de bord/ }).waitFor()
    assert.equal(new URL(page.url()).pathname, '/')
    await page
      .getByRole('alert')
      .getByText(
        'Le module « Menus des cantines » n’est pas activé pour Marciac navigateur : un administrateur l’active dans « Modules et identité ».'
      )
      .waitFor()
    // So is a page of another module's switched-off feature.
    await page.goto('/participation/consultations')
    await page
      .getByRole('alert')
      .getByText(/Le module « Consultations » n’est pas activé/)
      .waitFor()
  })

  test('invitations ask to confirm a role change; the audit reads in French; switcher and map', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Vic navigateur')
    await switchOn([commune], ['markets'])
    const other = await makeCollectivity('commune', 'Nogaro navigateur')
    await makeAgent('maire@example.test', [
      [commune, 'admin'],
      [other, 'editor'],
    ])
    const secretary = await makeAgent('secretaire@example.test', [[commune, 'editor']])
    const page = await signIn(visit, 'maire@example.test')

    // One role label in the header and in the switcher (Nogaro comes first by name).
    assert.include(await page.getByTestId('current-authority').innerText(), 'Rédacteur')
    const options = await page
      .getByLabel('Collectivité', { exact: true })
      .locator('option')
      .allInnerTexts()
    assert.isTrue(options.some((text: string) => /Vic navigateur.*— Administrateur$/.test(text)))
    await page.getByLabel('Collectivité', { exact: true }).selectOption(String(commune.id))
    await page.getByRole('button', { name: 'Changer' }).click()
    await page.getByRole('heading', { name: /Tableau de bord · Vic navigateur/ }).waitFor()
    assert.include(await page.getByTestId('current-authority').innerText(), 'Administrateur')

    await page.goto('/agents')
    await page.getByLabel('Adresse e-mail').fill('secretaire@example.test')
    await page.getByLabel('Rôle', { exact: true }).selectOption('admin')
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click()
    const refusal = page.locator('#invite-confirm-error')
    await refusal.waitFor()
    assert.include(await refusal.innerText(), 'est déjà rédacteur de Vic navigateur')
    const roleOfSecretary = async () => {
      const membership = await Membership.query().where({ agentId: secretary.id }).firstOrFail()
      return membership.role
    }
    assert.equal(await roleOfSecretary(), 'editor')
    assert.equal(await page.getByLabel('Adresse e-mail').inputValue(), 'secretaire@example.test')
    await page.getByLabel('Confirmer le changement de rôle').check()
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click()
    await page.getByText('Invitation envoyée à secretaire@example.test.').waitFor()
    assert.equal(await roleOfSecretary(), 'admin')

    // A place: opening hours written by the helper, the point placed by keyboard.
    await page.goto('/info/places?edit=new')
    await page.getByLabel('Nom').fill('Mairie')
    await page.getByLabel('Catégorie').selectOption('other')
    await page.getByText('Aide à la saisie des horaires').click()
    await page.getByRole('button', { name: 'Écrire ces horaires' }).click()
    assert.equal(
      await page.getByLabel('Horaires d’ouverture').inputValue(),
      'Mo-Fr 09:00-12:00,14:00-18:00; PH off'
    )
    await page.getByRole('application', { name: /Carte/ }).focus()
    await page.keyboard.press('ArrowUp')
    await page.getByRole('button', { name: 'Placer le point au centre de la carte' }).click()
    assert.isAbove(Number(await page.getByLabel('Latitude').inputValue()), 43)
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await page.getByRole('heading', { name: /Modifier : lieu/ }).waitFor()
    const place = await Place.findByOrFail({ collectivityId: commune.id })
    assert.equal(place.openingHours, 'Mo-Fr 09:00-12:00,14:00-18:00; PH off')
    assert.isNotNull(place.lat)

    await page.goto('/audit')
    // The sentence of the last action, once the page has rendered (rows are read only then).
    await page.getByTestId('audit-row').getByText('maire a créé le lieu « Mairie ».').waitFor()
    const rows = await page.getByTestId('audit-row').allInnerTexts()
    assert.isTrue(rows.some((row: string) => row.includes('maire a créé le lieu « Mairie ».')))
    assert.isTrue(
      rows.some((row: string) =>
        row.includes(
          'maire a invité secretaire@example.test et changé son rôle : rédacteur → administrateur.'
        )
      )
    )
    await page.getByLabel('Action').selectOption({ label: 'Contenu créé' })
    await page.getByRole('button', { name: 'Filtrer' }).click()
    await page.getByText('1 entrée(s)').waitFor()
  })
})
