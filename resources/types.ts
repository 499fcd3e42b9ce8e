/** Props shared with every back-office page (app/middleware/inertia_middleware.ts). */
export interface SharedAgent {
  id: number
  email: string
  fullName: string | null
  isSuperAdmin: boolean
}

export interface SharedAuthority {
  id: number
  name: string
  kind: string
  role: string | null
  roleLabel: string
  colour: string | null
  features: string[]
  can: { manageAgents: boolean; manageModules: boolean; readAudit: boolean }
}

export interface SharedProps {
  agent: SharedAgent | null
  authority: SharedAuthority | null
  errors: Record<string, string>
}

export interface AuthorityChoice {
  id: number
  name: string
  kind: string
  code: string
  role: string | null
}

export const KIND_LABELS: Record<string, string> = {
  departement: 'Département',
  epci: 'Intercommunalité',
  commune: 'Commune',
}
