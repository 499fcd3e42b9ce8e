/** Escapes text placed in the HTML of a mail (a display name may contain anything). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** The body shared by the citizen mails: a greeting, one paragraph, one link and its token. */
export function citizenMailBodies(input: {
  displayName: string
  paragraph: string
  action: string
  url: string
  token: string
  footer: string
}) {
  const html = `<!doctype html>
<html lang="fr"><body style="font-family: sans-serif; line-height: 1.5">
<p>Bonjour ${escapeHtml(input.displayName)},</p>
<p>${escapeHtml(input.paragraph)}</p>
<p><a href="${escapeHtml(input.url)}">${escapeHtml(input.action)}</a></p>
<p>Ou saisissez ce code dans l’application : <code>${escapeHtml(input.token)}</code></p>
<p style="color: #555">${escapeHtml(input.footer)}</p>
</body></html>`
  const text = [
    `Bonjour ${input.displayName},`,
    '',
    input.paragraph,
    '',
    `${input.action} : ${input.url}`,
    `Ou saisissez ce code dans l’application : ${input.token}`,
    '',
    input.footer,
  ].join('\n')
  return { html, text }
}
