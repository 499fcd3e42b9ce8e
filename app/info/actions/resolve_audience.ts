import { Audience } from '#info/support/audience'

export type { Audience, Origin } from '#info/support/audience'

/**
 * Who a citizen read of `/api/v1/collectivities/:code/…` speaks for: the authority, its EPCI and
 * its département, their switched-on features and how an item tells its origin. Other modules'
 * listings merge the same lineage through this action, as the feed does.
 */
export default class ResolveAudience {
  handle(code: string): Promise<Audience> {
    return Audience.of(code)
  }
}
