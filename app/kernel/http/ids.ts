/*
| Row ids as PostgreSQL stores them. Every id read from a request (route param, query string,
| form or JSON field) goes through one of these, so that a value PostgreSQL would refuse
| (`99999999999` for an `integer` column) is a clean 404/422 and never a 500 from SQL.
*/
import vine from '@vinejs/vine'

/** Largest value of a PostgreSQL `integer` (int4), the type of `increments()` ids. */
export const INT4_MAX = 2_147_483_647

/**
 * The decimal numbers 1 to 2147483647, without sign or leading zero, as a regular expression
 * source: each branch fixes one more leading digit of 2147483647.
 */
const INT4_ID_SOURCE =
  '(?:[1-9]\\d{0,8}|1\\d{9}|20\\d{8}|21[0-3]\\d{7}|214[0-6]\\d{6}|2147[0-3]\\d{5}' +
  '|21474[0-7]\\d{4}|214748[0-2]\\d{3}|2147483[0-5]\\d{2}|21474836[0-3]\\d|214748364[0-7])'

export const INT4_ID_PATTERN = new RegExp(`^${INT4_ID_SOURCE}$`)

/** An id, or `new` (the back-office's `?edit=new`). */
export const INT4_ID_OR_NEW_PATTERN = new RegExp(`^(?:new|${INT4_ID_SOURCE})$`)

/** True for an integer PostgreSQL accepts as an `integer` id. */
export function isInt4Id(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= INT4_MAX
}

/**
 * True for a `bigint` id as JavaScript holds it exactly (pg hands int8 over as a string; ids
 * past 2⁵³ do not occur in our tables).
 */
export function isInt8Id(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1
}

/** The Vine rule of every id in a query string, form or JSON body (`integer` columns). */
export function idRule() {
  return vine.number().withoutDecimals().range([1, INT4_MAX])
}

/**
 * The Vine rule of an id inside a JSON body: a JSON number only. Vine's number rule otherwise
 * reads `true` as 1, `[7]` as 7 and `"0x10"` as 16, turning junk into a real row's id; query
 * strings and forms, whose values are all strings, keep `idRule()`.
 */
export function jsonIdRule() {
  return vine.number({ strict: true }).withoutDecimals().range([1, INT4_MAX])
}

/** `?edit=ID|new` in the back-office. */
export function idOrNewRule() {
  return vine.string().trim().regex(INT4_ID_OR_NEW_PATTERN)
}

/**
 * Route-param matcher of ids: a param that is not an int4 id matches no route (404), so no
 * controller ever receives one.
 */
export const idParamMatcher = {
  match: INT4_ID_PATTERN,
  cast: (value: string) => Number(value),
}

/**
 * Route params matched as ids on every route (start/routes.ts registers them globally). A
 * module naming an id param otherwise adds its name here; a route whose `:id` is not a row id
 * overrides it with its own `.where('id', …)`.
 */
export const ID_PARAMS = ['id', 'canteenId'] as const
