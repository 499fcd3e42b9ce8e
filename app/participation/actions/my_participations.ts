import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Citizen from '#kernel/accounts/models/citizen'
import { windowState, TIME_ZONE } from '#participation/support/window'

/**
 * Where a citizen took part, newest change first. Each kind of item (polls, consultations, and
 * budgets when they come) is one source: a query returning the same columns.
 */
const SOURCES: Record<string, string> = {
  poll: `SELECT 'poll' AS type, p.id, p.title, p.opens_at, p.closes_at, p.allow_change AS can_change,
                a.id AS answer_id, a.created_at, a.updated_at, c.code, c.name, c.kind
           FROM participation_poll_answers a
           JOIN participation_polls p ON p.id = a.poll_id
           JOIN collectivities c ON c.id = p.collectivity_id
          WHERE a.citizen_id = ?`,
  consultation: `SELECT 'consultation' AS type, k.id, k.title, k.opens_at, k.closes_at, true AS can_change,
                s.id AS answer_id, s.created_at, s.updated_at, c.code, c.name, c.kind
           FROM participation_consultation_submissions s
           JOIN participation_consultations k ON k.id = s.consultation_id
           JOIN collectivities c ON c.id = k.collectivity_id
          WHERE s.citizen_id = ?`,
  budget: `SELECT 'budget' AS type, g.id, g.title, g.vote_opens_at AS opens_at,
                COALESCE(g.closed_at, g.vote_closes_at) AS closes_at, true AS can_change,
                b.id AS answer_id, b.created_at, b.updated_at, c.code, c.name, c.kind
           FROM participation_budget_ballots b
           JOIN participation_budget_campaigns g ON g.id = b.campaign_id
           JOIN collectivities c ON c.id = g.collectivity_id
          WHERE b.citizen_id = ?`,
}

export default class MyParticipations {
  async handle(citizen: Citizen, now: DateTime = DateTime.now()) {
    const sources = Object.values(SOURCES)
    const { rows } = await db.rawQuery(
      `${sources.map((sql) => `(${sql})`).join(' UNION ALL ')} ORDER BY updated_at DESC, type, answer_id DESC`,
      sources.map(() => citizen.id)
    )
    const paris = (value: Date) => DateTime.fromJSDate(value).setZone(TIME_ZONE)
    return {
      data: rows.map((row: any) => {
        const window = { opensAt: paris(row.opens_at), closesAt: paris(row.closes_at) }
        const state = windowState(window, now)
        return {
          type: row.type,
          id: row.id,
          title: row.title,
          state,
          closes_at: window.closesAt.toISO(),
          answer_id: row.answer_id,
          answered_at: paris(row.created_at).toISO(),
          updated_at: paris(row.updated_at).toISO(),
          can_change: row.can_change && state === 'open',
          authority: { code: row.code, name: row.name, kind: row.kind },
        }
      }),
    }
  }
}
