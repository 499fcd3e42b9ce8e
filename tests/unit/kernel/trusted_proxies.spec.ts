import { test } from '@japa/runner'
import { trustedProxies } from '#kernel/http/trusted_proxies'

test.group('TRUSTED_PROXIES', () => {
  test('empty or absent trusts nobody, loopback included', ({ assert }) => {
    for (const list of [undefined, '', ' , ']) {
      const trust = trustedProxies(list)
      for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.0.0.1']) {
        assert.isFalse(trust(address), `${list} ${address}`)
      }
    }
  })

  test('addresses and CIDR ranges, IPv4 (also mapped in IPv6) and IPv6', ({ assert }) => {
    const trust = trustedProxies('10.0.0.0/8, 192.168.1.10, fd00::/8')
    assert.isTrue(trust('10.20.30.40'))
    assert.isTrue(trust('::ffff:10.20.30.40'))
    assert.isTrue(trust('192.168.1.10'))
    assert.isTrue(trust('fd12::1'))
    assert.isFalse(trust('192.168.1.11'))
    assert.isFalse(trust('11.0.0.1'))
    assert.isFalse(trust('::1'))
    assert.isFalse(trust('not an address'))
  })

  test('a value that is not an address fails at boot, not silently', ({ assert }) => {
    assert.throws(() => trustedProxies('10.0.0.0/8, proxy.internal'), /proxy\.internal/)
  })
})
