/*
| Test helpers for anything that needs a citizen: a commune to live in, an account, a token.
| Other areas use `citizenWithToken()` to call routes that need a signed-in citizen.
*/
import { DateTime } from 'luxon'
import Citizen from '#kernel/accounts/models/citizen'
import Collectivity from '#kernel/territories/models/collectivity'

let sequence = 0
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`

export const TEST_PASSWORD = 'correct horse battery'

/** A commune (INSEE code `code`), created unless it exists. */
export async function ensureCommune(code = '32013', name = 'Auch'): Promise<Collectivity> {
  const existing = await Collectivity.findBy({ kind: 'commune', code })
  if (existing) return existing
  return Collectivity.create({
    kind: 'commune',
    code,
    name,
    slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${code}`,
    searchName: name.toLowerCase(),
    population: 22000,
    postalCodes: ['32000'],
    departementId: null,
    epciId: null,
    status: 'listed',
    branding: {},
    modules: {},
  })
}

export async function createCitizen(
  overrides: Partial<Pick<Citizen, 'email' | 'displayName' | 'homeCommuneId'>> & {
    verified?: boolean
  } = {}
): Promise<Citizen> {
  const { verified = true, ...attributes } = overrides
  return Citizen.create({
    email: `citoyen-${next()}@example.org`,
    displayName: 'Camille Citoyenne',
    password: TEST_PASSWORD,
    emailVerifiedAt: verified ? DateTime.now() : null,
    ...attributes,
  })
}

/** A citizen and a bearer token for `Authorization: Bearer ${token}`. */
export async function citizenWithToken(overrides: Parameters<typeof createCitizen>[0] = {}) {
  const citizen = await createCitizen(overrides)
  const token = await Citizen.accessTokens.create(citizen)
  return { citizen, token: token.value!.release() }
}
