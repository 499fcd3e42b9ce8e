import { test } from '@japa/runner'
import env from '#start/env'
import { sanitizeRichText } from '#info/support/rich_text'

test.group('Rich text sanitiser: images', () => {
  test('an image keeps only a web address: https anywhere, http only for our media', ({
    assert,
  }) => {
    const own = `${env.get('APP_URL').replace(/\/$/, '')}/media/abc/1/page.jpg`
    assert.equal(
      sanitizeRichText(`<img src="${own}" alt="Halle" data-uploading="x1">`),
      `<img src="${own}" alt="Halle" />`
    )
    assert.equal(
      sanitizeRichText('<img src="https://example.org/a.jpg" alt="A">'),
      '<img src="https://example.org/a.jpg" alt="A" />'
    )
    for (const src of [
      'http://example.org/a.jpg',
      'blob:http://localhost/1b2c',
      'data:image/png;base64,AAAA',
      'javascript:alert(1)',
      '',
    ]) {
      assert.equal(
        sanitizeRichText(`<p>Avant</p><img src="${src}" alt="x"><p>Après</p>`),
        '<p>Avant</p><p>Après</p>',
        src
      )
    }
    assert.equal(sanitizeRichText('<img alt="sans adresse">'), '')
  })
})
