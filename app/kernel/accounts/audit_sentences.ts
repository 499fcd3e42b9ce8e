import { ROLE_LABELS, isRole } from '#kernel/tenancy/permissions'
import { findFeature, modules } from '#kernel/modules/registry'

/** French names of the recorded actions, for the audit log's filter. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'content.created': 'Contenu créé',
  'content.updated': 'Contenu modifié',
  'content.published': 'Contenu publié',
  'content.scheduled': 'Publication programmée',
  'content.unpublished': 'Contenu dépublié',
  'content.deleted': 'Contenu supprimé',
  'content.imported': 'Import de données',
  'agent.invited': 'Agent invité',
  'agent.invitation_accepted': 'Invitation acceptée',
  'agent.login': 'Connexion',
  'agent.logout': 'Déconnexion',
  'agent.password_reset': 'Mot de passe réinitialisé',
  'membership.role_changed': 'Rôle modifié',
  'membership.removed': 'Agent retiré',
  'modules.updated': 'Modules modifiés',
  'branding.updated': 'Identité visuelle modifiée',
  'job.retried': 'Tâche relancée',
  'signalement.category_updated': 'Catégorie de signalements modifiée',
  'signalement.open311_key_issued': 'Clé Open311 délivrée',
  'signalement.open311_key_revoked': 'Clé Open311 révoquée',
}

export const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action

export interface AuditRecord {
  action: string
  agent: string | null
  subjectType: string | null
  subjectId: string | null
  before: Record<string, any> | null
  after: Record<string, any> | null
}

const CONTENT_VERBS: Record<string, string> = {
  'content.created': 'a créé',
  'content.updated': 'a modifié',
  'content.published': 'a publié',
  'content.scheduled': 'a programmé la publication de',
  'content.unpublished': 'a dépublié',
  'content.deleted': 'a supprimé',
}

/** « l’actualité », « le lieu »…: what modules call their audited subjects (manifest). */
function subjectNoun(type: string | null): string {
  for (const module of modules) {
    const noun = type ? module.auditSubjects?.[type] : undefined
    if (noun) return noun
  }
  return 'l’élément'
}

const role = (value: unknown) => (isRole(value) ? ROLE_LABELS[value].toLowerCase() : String(value))
const parisTime = (iso: unknown) =>
  typeof iso === 'string'
    ? new Intl.DateTimeFormat('fr-FR', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Paris',
      }).format(new Date(iso))
    : ''

function featureChanges(before: Record<string, any> | null, after: Record<string, any> | null) {
  const changes: string[] = []
  for (const [key, state] of Object.entries(after ?? {})) {
    const was = before?.[key]?.enabled === true
    const label = findFeature(key)?.label ?? key
    if (state?.enabled && !was) changes.push(`activé « ${label} »`)
    else if (!state?.enabled && was) changes.push(`désactivé « ${label} »`)
    else if (JSON.stringify(state?.settings) !== JSON.stringify(before?.[key]?.settings))
      changes.push(`réglé « ${label} »`)
  }
  return changes.length > 0 ? changes.join(', ') : 'aucun changement'
}

/** What the entry says, in one French sentence: « Marie Dupont a publié l’actualité « … » ». */
export function auditSentence(record: AuditRecord): string {
  const who = record.agent ?? 'La ligne de commande'
  const after = record.after ?? {}
  const before = record.before ?? {}
  const verb = CONTENT_VERBS[record.action]
  if (verb) {
    const title = after.title ? ` « ${after.title} »` : ''
    const when =
      record.action === 'content.scheduled' && after.publishAt
        ? ` pour le ${parisTime(after.publishAt)}`
        : ''
    return `${who} ${verb} ${subjectNoun(record.subjectType)}${title}${when}.`
  }
  switch (record.action) {
    case 'content.imported':
      return `${who} a importé « ${after.title} » : ${after.accepted ?? 0} ligne(s) acceptée(s), ${after.created ?? 0} créée(s), ${after.updated ?? 0} mise(s) à jour, ${after.rejected ?? 0} rejetée(s).`
    case 'agent.invited':
      return before.role && before.role !== after.role
        ? `${who} a invité ${after.email} et changé son rôle : ${role(before.role)} → ${role(after.role)}.`
        : `${who} a invité ${after.email} comme ${role(after.role)}.`
    case 'agent.invitation_accepted':
      return `${who} a accepté son invitation.`
    case 'agent.login':
      return `${who} s’est connecté(e).`
    case 'agent.logout':
      return `${who} s’est déconnecté(e).`
    case 'agent.password_reset':
      return `${who} a choisi un nouveau mot de passe.`
    case 'membership.role_changed':
      return `${who} a changé le rôle d’un agent : ${role(before.role)} → ${role(after.role)}.`
    case 'membership.removed':
      return `${who} a retiré un agent de la collectivité${before.role ? ` (${role(before.role)})` : ''}.`
    case 'modules.updated':
      return `${who} a modifié les modules : ${featureChanges(before, after)}.`
    case 'branding.updated':
      return `${who} a modifié l’identité visuelle${after.colour ? ` (couleur ${after.colour})` : ''}.`
    case 'job.retried':
      return `${who} a relancé une tâche en échec.`
    default:
      return `${who} : ${actionLabel(record.action)}.`
  }
}
