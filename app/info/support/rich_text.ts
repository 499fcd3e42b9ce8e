import sanitizeHtml from 'sanitize-html'
import env from '#start/env'

/** Our own media URLs (APP_URL, which may be plain http locally) are always allowed for images. */
const ownMedia = () => `${env.get('APP_URL').replace(/\/$/, '')}/media/`

/**
 * What agents may put in a news body or an event description: text formatting, lists, links
 * and images. Scripts, styles, iframes and every `on…` handler are dropped; links may only use
 * http(s), mailto and tel. It matches what the back-office editor (Tiptap) produces, which
 * already cleans pasted Word and LibreOffice HTML; this is the check that counts.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
    'img',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], img: ['src', 'alt', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  // An image over plain http is kept only when it is one of ours (the media pipeline's); one
  // without a web address (a browser's local `blob:` preview, a `data:` URL) shows nothing.
  exclusiveFilter: (frame) =>
    frame.tag === 'img' &&
    (!/^https?:/i.test(frame.attribs.src ?? '') ||
      (/^http:/i.test(frame.attribs.src) && !frame.attribs.src.startsWith(ownMedia()))),
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
}

export function sanitizeRichText(html: string | null | undefined): string {
  return sanitizeHtml(html ?? '', options).trim()
}

/** Plain text of a rich text (feed summaries, iCalendar descriptions). */
/**
 * Rich text as plain lines, for iCalendar's DESCRIPTION: each paragraph, list item or `<br>` on
 * its own line, spaces inside a line collapsed.
 */
export function plainLines(html: string | null | undefined): string {
  const broken = (html ?? '').replace(/<br\s*\/?>|<\/(?:p|li|h[1-6]|blockquote)>/gi, '\n')
  return sanitizeHtml(broken, { allowedTags: [], allowedAttributes: {} })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

export function plainText(html: string | null | undefined): string {
  return sanitizeHtml(html ?? '', { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim()
}
