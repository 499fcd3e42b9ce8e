import type { Role } from '#kernel/modules/manifest'
import { modules } from '#kernel/modules/registry'

export const ROLES: readonly Role[] = ['admin', 'editor', 'moderator'] as const

/** French labels of the roles, for the back-office and the mails. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrateur',
  editor: 'Rédacteur',
  moderator: 'Modérateur',
}

/**
 * The one role label the back-office shows for an agent in an authority (header, switcher):
 * their membership's role, or « Super-administrateur » for a super-admin without one.
 */
export function roleLabelOf(role: Role | null, isSuperAdmin: boolean): string {
  if (role) return ROLE_LABELS[role]
  return isSuperAdmin ? 'Super-administrateur' : ''
}

/**
 * Abilities of the kernel itself (ability → roles). Modules declare theirs in their manifest's
 * `permissions`; the super-admin holds every ability.
 */
export const kernelPermissions: Record<string, Role[]> = {
  'dashboard.view': ['admin', 'editor', 'moderator'],
  'agents.manage': ['admin'],
  'modules.manage': ['admin'],
  'branding.manage': ['admin'],
  'audit.read': ['admin'],
}

let merged: Map<string, readonly Role[]> | undefined

/** Every ability of the platform: the kernel's and every module's. */
export function allPermissions(): Map<string, readonly Role[]> {
  if (!merged) {
    merged = new Map(Object.entries(kernelPermissions))
    for (const module of modules) {
      for (const [ability, roles] of Object.entries(module.permissions)) {
        if (merged.has(ability)) throw new Error(`Ability "${ability}" is declared twice`)
        merged.set(ability, roles)
      }
    }
  }
  return merged
}

/**
 * Whether a role grants an ability. An unknown ability is a programming error (a typo would
 * otherwise silently refuse or allow), so it throws.
 */
export function roleGrants(role: Role, ability: string): boolean {
  const roles = allPermissions().get(ability)
  if (!roles)
    throw new Error(`Unknown ability "${ability}": declare it in a manifest's permissions`)
  return roles.includes(role)
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
