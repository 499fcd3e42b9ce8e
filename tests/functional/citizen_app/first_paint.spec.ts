import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { FIRST_REQUESTS_HASH } from '#kernel/citizen_app/first_requests'

/**
 * What shortens the citizen app's first paint (ADR 0026): the page starts the first screen's
 * API requests itself, paints a title before the bundle runs, and the build's assets travel
 * precompressed and cached for good.
 */
test.group('Citizen app: first paint', () => {
  test('the shell starts the first requests inline (the hash in the CSP is this very script) and paints the feed’s title', async ({
    client,
    assert,
  }) => {
    const feed = await client.get('/app/?commune=32013')
    feed.assertStatus(200)
    const html = feed.text()
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)
    assert.exists(inline, 'an inline script in the page')
    const hash = `'sha256-${createHash('sha256').update(inline![1]).digest('base64')}'`
    assert.equal(hash, FIRST_REQUESTS_HASH)
    assert.include(inline![1], "'/collectivities/' + code + '/feed'")
    // Before the bundle's own scripts: the requests leave while the bundle downloads.
    assert.isBelow(html.indexOf(inline![0]), html.indexOf('<script type="module"'))
    assert.match(html, /<main>\s*<h1>Fil d’actualité<\/h1>/)

    const agenda = await client.get('/app/agenda')
    assert.notInclude(agenda.text(), '<h1>')
    assert.include(agenda.text(), 'Chargement…')
  })

  test('/assets: brotli or gzip as the browser accepts, else the plain file; cached a year', async ({
    client,
    assert,
  }) => {
    const folder = join(app.publicPath(), 'assets')
    await mkdir(folder, { recursive: true })
    const name = `first-paint-test-${process.pid}.js`
    const source = Buffer.from(`export const words = ${JSON.stringify('Bastide '.repeat(500))}\n`)
    await writeFile(join(folder, name), source)
    await writeFile(join(folder, `${name}.br`), brotliCompressSync(source))
    await writeFile(join(folder, `${name}.gz`), gzipSync(source))
    try {
      const brotli = await client.get(`/assets/${name}`).header('Accept-Encoding', 'gzip, br')
      brotli.assertStatus(200)
      assert.equal(brotli.header('content-encoding'), 'br')
      assert.equal(brotli.header('content-type'), 'text/javascript; charset=utf-8')
      assert.equal(brotli.header('vary'), 'Accept-Encoding')
      assert.equal(brotli.header('cache-control'), 'public, max-age=31536000, immutable')
      const raw = await fetch(`http://${env.get('HOST')}:${env.get('PORT')}/assets/${name}`, {
        headers: { 'Accept-Encoding': 'br' },
      })
      assert.equal(raw.headers.get('content-encoding'), 'br')
      assert.deepEqual(Buffer.from(await raw.arrayBuffer()), source, 'fetch decodes brotli')

      const gzip = await client.get(`/assets/${name}`).header('Accept-Encoding', 'gzip, br;q=0')
      assert.equal(gzip.header('content-encoding'), 'gzip')
      assert.isAbove(Number(gzip.header('content-length')), 0)
      assert.isBelow(Number(gzip.header('content-length')), source.length / 5)

      const plain = await client.get(`/assets/${name}`).header('Accept-Encoding', 'identity')
      plain.assertStatus(200)
      assert.isUndefined(plain.header('content-encoding'))
      assert.equal(plain.header('cache-control'), 'public, max-age=31536000, immutable')
      assert.equal(plain.text(), source.toString())

      const escape = await client
        .get('/assets/..%2F..%2Fpackage.json')
        .header('Accept-Encoding', 'br')
      assert.notEqual(escape.header('content-encoding'), 'br')
    } finally {
      for (const file of [name, `${name}.br`, `${name}.gz`])
        await rm(join(folder, file), { force: true })
    }
  })
})
