/** Where a citizen's own report stands with the moderators, as the app says it. */
export const MODERATION_LABELS: Record<string, string> = {
  pending: 'en attente de modération (visible de vous seul)',
  published: 'visible sur la carte publique',
  hidden: 'masqué de la carte publique',
}
