/** Removes what Word and LibreOffice add around pasted text before the schema reads it. */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|xml|meta|link|title)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<(meta|link)\b[^>]*>/gi, '')
    .replace(/<\/?o:[^>]*>/gi, '')
    .replace(/\s(style|class|lang|on\w+)=("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
}
