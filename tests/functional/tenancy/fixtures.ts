import Agent from '#kernel/accounts/models/agent'
import Membership from '#kernel/accounts/models/membership'
import Collectivity, { type CollectivityKind } from '#kernel/territories/models/collectivity'
import type { Role } from '#kernel/modules/manifest'

export const PASSWORD = 'un mot de passe solide'

let sequence = 0

export async function makeCollectivity(
  kind: CollectivityKind,
  name: string,
  links: { departementId?: number | null; epciId?: number | null } = {}
) {
  sequence += 1
  const code = `${kind === 'epci' ? '2' : '9'}${String(Date.now() % 100000).padStart(5, '0')}${sequence}`
  return Collectivity.create({
    kind,
    code,
    name,
    slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${code}`,
    searchName: name.toLowerCase(),
    population: 1000,
    postalCodes: [],
    departementId: links.departementId ?? null,
    epciId: links.epciId ?? null,
    status: 'onboarded',
    branding: {},
    modules: {},
  })
}

/**
 * Switches optional features on for authorities made by these fixtures (which start with every
 * optional feature off): their back-office pages are closed until then (ADR 0024).
 */
export async function switchOn(collectivities: Collectivity[], features: string[]) {
  for (const collectivity of collectivities) {
    const modules = { ...collectivity.modules }
    for (const key of features)
      modules[key] = { enabled: true, settings: modules[key]?.settings ?? {} }
    collectivity.modules = modules
    await collectivity.save()
  }
}

export async function makeAgent(
  email: string,
  memberships: Array<[Collectivity, Role]> = [],
  options: { isSuperAdmin?: boolean } = {}
) {
  const agent = await Agent.create({
    email,
    fullName: email.split('@')[0],
    password: PASSWORD,
    isSuperAdmin: options.isSuperAdmin ?? false,
  })
  for (const [collectivity, role] of memberships) {
    await Membership.create({ agentId: agent.id, collectivityId: collectivity.id, role })
  }
  return agent
}

/**
 * A département, an EPCI, two of its communes (A and B), and their agents: an admin, an editor
 * and a moderator of A, an admin of B, an admin of the EPCI, and a super-admin.
 */
export async function territory() {
  const departement = await makeCollectivity('departement', 'Gers test')
  const epci = await makeCollectivity('epci', 'CC Test', { departementId: departement.id })
  const communeA = await makeCollectivity('commune', 'Commune A', {
    departementId: departement.id,
    epciId: epci.id,
  })
  const communeB = await makeCollectivity('commune', 'Commune B', {
    departementId: departement.id,
    epciId: epci.id,
  })
  const adminA = await makeAgent('admin-a@example.test', [[communeA, 'admin']])
  const editorA = await makeAgent('editor-a@example.test', [[communeA, 'editor']])
  const moderatorA = await makeAgent('moderator-a@example.test', [[communeA, 'moderator']])
  const adminB = await makeAgent('admin-b@example.test', [[communeB, 'admin']])
  const adminEpci = await makeAgent('admin-epci@example.test', [[epci, 'admin']])
  const superAdmin = await makeAgent('super@example.test', [], { isSuperAdmin: true })
  return {
    departement,
    epci,
    communeA,
    communeB,
    adminA,
    editorA,
    moderatorA,
    adminB,
    adminEpci,
    superAdmin,
  }
}
