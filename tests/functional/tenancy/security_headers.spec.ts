import { test } from '@japa/runner'

test.group('Back-office security headers', () => {
  test('pages carry a nonce-based CSP, and every script tag the nonce', async ({
    client,
    assert,
  }) => {
    const page = await client.get('/login')
    page.assertStatus(200)
    const policy = String(page.header('content-security-policy'))
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1]
    assert.isString(nonce, policy)
    assert.include(policy, `style-src 'self' 'nonce-${nonce}'`)
    assert.include(policy, "object-src 'none'")
    assert.include(policy, "frame-ancestors 'none'")
    assert.notInclude(policy, 'unsafe-inline')
    assert.notInclude(policy, 'unsafe-eval')
    assert.equal(page.header('referrer-policy'), 'same-origin')
    assert.equal(page.header('x-content-type-options'), 'nosniff')

    const html = page.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)
    const executable = scripts.filter((tag) => !/type="application\/json"/.test(tag))
    assert.isAbove(executable.length, 0)
    for (const tag of executable) assert.include(tag, `nonce="${nonce}"`, tag)
    assert.include(html, `<meta property="csp-nonce" nonce="${nonce}">`)

    const again = await client.get('/login')
    assert.notInclude(String(again.header('content-security-policy')), nonce!)
  })
})
