import { DomainError } from '#kernel/http/errors'

interface ParserFailure {
  code?: string
  status?: number
  type?: string
}

/** zlib's codes (`Z_DATA_ERROR`, `Z_BUF_ERROR`…) and Brotli's (`ERR__ERROR_FORMAT_PADDING_2`…). */
const ZLIB_ERROR_CODES = /^(?:Z_[A-Z_]+|ERR__ERROR_[A-Z0-9_]+)$/

/**
 * The body parser lets zlib's own errors through when a body declared `Content-Encoding: gzip`
 * (or deflate, br) is not: they carry no HTTP status and became 500s. This turns them, and the
 * parser's refusal of an unknown encoding, into refusals with a stable code, for the API and
 * the back-office alike (the exception handler calls it first).
 */
export function asRequestError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error
  const failure = error as ParserFailure
  if (typeof failure.code === 'string' && ZLIB_ERROR_CODES.test(failure.code)) {
    return new DomainError(
      'E_INVALID_BODY_ENCODING',
      'Le corps de la requête ne correspond pas à son en-tête Content-Encoding',
      400
    )
  }
  if (
    failure.code === 'E_ENCODING_UNSUPPORTED' ||
    (failure.status === 415 && !(error instanceof DomainError))
  ) {
    return new DomainError(
      'E_UNSUPPORTED_ENCODING',
      'Encodage du corps de la requête non pris en charge (gzip, deflate ou br attendu)',
      415
    )
  }
  return error
}
