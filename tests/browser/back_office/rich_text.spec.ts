import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import sharp from 'sharp'
import News from '#info/models/news'
import Media from '#kernel/media/models/media'
import ProcessMedia from '#kernel/media/actions/process_media'
import { closeQueues } from '#kernel/queue/queues'
import { fixtureDir, jpegWithGps } from '#tests/fixtures/media/generate'
import { makeAgent, makeCollectivity } from '../../functional/tenancy/fixtures.js'
import { signIn } from '#tests/helpers/browser'

/**
 * Issue 10, item 2: an image chosen in the rich-text editor shows where it was chosen at once
 * (the agent's own file, read locally), before any worker has processed it; the stored text
 * names only the pipeline's variant, without the photo's GPS position. Formatting works from
 * the keyboard alone; a LibreOffice paste is cleaned (Word's: secretary.spec.ts).
 */
test.group('Rich-text editor: images at once, keyboard, pastes', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  let files: Awaited<ReturnType<typeof fixtureDir>>
  group.setup(async () => {
    files = await fixtureDir()
    return async () => {
      await files.remove()
      await closeQueues()
    }
  })

  test('the local preview shows at once, the variant replaces it, the saved text names only the variant', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Mirande navigateur')
    await makeAgent('images@example.test', [[commune, 'editor']])
    const page = await signIn(visit, 'images@example.test')
    await page.goto('/info/news?edit=new')
    await page.getByLabel('Titre').fill('Nouvelle halle')
    const editor = page.getByRole('textbox', { name: 'Texte' })
    await editor.click()
    await page.keyboard.type('La halle rénovée.')
    await editor.getByText('La halle rénovée.').waitFor()
    // Requests the page makes from here on: the original must never come back from the server.
    const requested: string[] = []
    page.on('request', (request: { url(): string }) => requested.push(request.url()))
    page.once('dialog', (dialog: { accept(text: string): Promise<void> }) =>
      dialog.accept('La halle vue de la place')
    )
    await page.getByLabel('Image…').setInputFiles(await jpegWithGps(files.dir))

    // At once, before any processing: the image is in the text, from the agent's own file.
    const image = editor.getByRole('img', { name: 'La halle vue de la place' })
    await image.waitFor()
    assert.match((await image.getAttribute('src'))!, /^blob:/)
    const save = page.getByRole('button', { name: 'Enregistrer', exact: true })
    assert.isTrue(await save.isDisabled())
    await page.getByText('Image insérée : traitement en cours').waitFor()
    const media = await Media.query().where({ collectivityId: commune.id }).firstOrFail()
    assert.equal(media.state, 'pending')

    // The worker's job (run here): the variant replaces the preview in the text.
    await new ProcessMedia().handle(media.id)
    await page.getByText('Image prête : elle sera enregistrée avec le texte.').waitFor({
      timeout: 30000,
    })
    const variant = (await image.getAttribute('src'))!
    assert.match(variant, new RegExp(`/media/${media.publicId}/[^/]+/[^/]+\\.jpg$`))
    assert.isFalse(await save.isDisabled())
    await save.click()
    await page.getByRole('heading', { name: /Modifier : actualité/ }).waitFor()

    const news = await News.findByOrFail({ collectivityId: commune.id })
    assert.include(news.body!, `<img src="${variant}" alt="La halle vue de la place"`)
    for (const forbidden of ['blob:', 'data-uploading', 'original']) {
      assert.notInclude(news.body!, forbidden)
    }
    // What citizens will load carries no metadata (no GPS position), and the page never asked
    // the server for anything of the upload but its variant.
    // (By its path: APP_URL of the test environment names another port than this run's.)
    const served = await page.request.get(new URL(variant).pathname)
    assert.equal(served.status(), 200)
    const metadata = await sharp(await served.body()).metadata()
    assert.isUndefined(metadata.exif)
    assert.isFalse(requested.some((url) => url.includes('/original')))
    // Reloaded, the editor shows the stored variant.
    await page.reload()
    const stored = page
      .getByRole('textbox', { name: 'Texte' })
      .getByRole('img', { name: 'La halle vue de la place' })
    assert.equal(await stored.getAttribute('src'), variant)
  })

  test('keyboard alone: shortcuts and the toolbar buttons; a LibreOffice paste is cleaned', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Lombez navigateur')
    await makeAgent('clavier@example.test', [[commune, 'editor']])
    const page = await signIn(visit, 'clavier@example.test')
    await page.goto('/info/news?edit=new')
    await page.getByLabel('Titre').fill('Cérémonie')
    const editor = page.getByRole('textbox', { name: 'Texte' })
    await editor.focus()
    await page.keyboard.press('Control+b')
    await page.keyboard.type('Dimanche')
    await page.keyboard.press('Control+b')
    await page.keyboard.type(' à 11 h.')
    await editor.getByText('à 11 h.').waitFor()
    await page.keyboard.press('Enter')
    await page.keyboard.type('Programme')
    await editor.getByText('Programme').waitFor()
    // The toolbar's controls are real buttons: focused and pressed with Enter.
    const toolbar = page.getByRole('toolbar', { name: 'Mise en forme : Texte' })
    await toolbar.getByRole('button', { name: 'Titre', exact: true }).focus()
    await page.keyboard.press('Enter')
    await editor.locator('h2', { hasText: 'Programme' }).waitFor()
    await editor.press('End')
    // A paste from LibreOffice Writer: generator meta, font tags, styles, a script.
    const writerHtml =
      '<!DOCTYPE html><html><head><meta name="generator" content="LibreOffice 24.2"/>' +
      '<style type="text/css">p { margin-bottom: 0.25cm; line-height: 115% }</style></head><body lang="fr-FR" dir="ltr">' +
      '<p style="margin-bottom: 0cm; line-height: 100%"><font face="Liberation Serif, serif"><font size="3" style="font-size: 12pt"><i>Dépôt de gerbe</i> au monument</font></font></p>' +
      '<ol><li><p style="margin-bottom: 0cm"><span style="background: #ffff00">Discours</span></p></li></ol>' +
      '<script>alert(1)</script></body></html>'
    await page.evaluate(`(() => {
      const data = new DataTransfer()
      data.setData('text/html', ${JSON.stringify(writerHtml)})
      data.setData('text/plain', 'Dépôt de gerbe au monument')
      document.querySelector('.rich-text-area').dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
      )
    })()`)
    await editor.getByText('au monument').waitFor()
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await page.getByRole('heading', { name: /Modifier : actualité/ }).waitFor()
    const news = await News.findByOrFail({ collectivityId: commune.id })
    assert.include(news.body!, '<strong>Dimanche</strong> à 11 h.')
    assert.include(news.body!, '<h2>Programme')
    assert.include(news.body!, '<em>Dépôt de gerbe</em> au monument')
    assert.include(news.body!, '<ol><li><p>Discours</p></li></ol>')
    for (const forbidden of [
      'font',
      'style',
      'Liberation',
      'generator',
      'script',
      'alert',
      'lang=',
    ]) {
      assert.notInclude(news.body!, forbidden, news.body!)
    }
  })
})
