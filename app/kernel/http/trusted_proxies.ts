import { BlockList, isIPv4, isIPv6 } from 'node:net'

/**
 * The framework's `trustProxy` for `TRUSTED_PROXIES`: a comma-separated list of addresses and
 * CIDR ranges (`10.0.0.0/8, 127.0.0.1, ::1`). `X-Forwarded-For` is believed only when the
 * connection comes from one of them; empty (the default) trusts nobody, so `request.ip()` is the
 * peer's address and a client cannot choose the key its rate limits are counted under.
 */
export function trustedProxies(list: string | undefined): (address: string) => boolean {
  const entries = (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return () => false

  const trusted = new BlockList()
  for (const entry of entries) {
    const [address, prefix] = entry.split('/')
    const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined
    if (!family) throw new Error(`TRUSTED_PROXIES: « ${entry} » is not an IP address or range`)
    if (prefix === undefined) trusted.addAddress(address, family)
    else trusted.addSubnet(address, Number(prefix), family)
  }
  return (address) => {
    // An IPv4 peer on a dual-stack socket shows as ::ffff:a.b.c.d.
    const plain = address.startsWith('::ffff:') ? address.slice(7) : address
    if (isIPv4(plain)) return trusted.check(plain, 'ipv4')
    return isIPv6(plain) && trusted.check(plain, 'ipv6')
  }
}
