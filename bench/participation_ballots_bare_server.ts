/*
| The yardstick of the ballots benchmark: bare Node `http` + `pg` doing what
| PUT /api/v1/budgets/:id/ballot does — the bearer token and its citizen, checked against its
| SHA-256 hash by the API's own statement (VERIFY_CITIZEN_TOKEN_SQL, which stamps its last use
| at most every five minutes, as the token provider does), then in one transaction the campaign, the
| voter's home commune and lineage, the districts, the projects' costs, the rule check, and the
| same INSERT … ON CONFLICT — and answering the same JSON shape.
*/
import http from 'node:http'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import {
  VERIFY_CITIZEN_TOKEN_SQL,
  verifyCitizenTokenBindings,
} from '#kernel/accounts/citizens/citizen_token_sql'
import { toPgPlaceholders } from '#info/support/feed_query'

const pg = createRequire(import.meta.url)('pg') as {
  Pool: new (config: Record<string, unknown>) => any
}
const pool = new pg.Pool({
  host: '127.0.0.1',
  user: 'postgres',
  database: process.env.DB_DATABASE,
  max: 10,
})
const PREFIX = 'bst_'
const VERIFY_TOKEN = toPgPlaceholders(VERIFY_CITIZEN_TOKEN_SQL)

function citizenToken(header: string | undefined) {
  const value = header?.startsWith('Bearer ') ? header.slice(7) : ''
  if (!value.startsWith(PREFIX)) return null
  const [identifier, secret] = value.slice(PREFIX.length).split('.')
  if (!identifier || !secret) return null
  return {
    id: Number(Buffer.from(identifier, 'base64url').toString()),
    hash: createHash('sha256').update(Buffer.from(secret, 'base64url').toString()).digest('hex'),
  }
}

async function saveBallot(
  campaignId: number,
  token: { id: number; hash: string },
  projectIds: number[]
) {
  const { rows: tokens } = await pool.query(
    VERIFY_TOKEN,
    verifyCitizenTokenBindings(token.id, token.hash)
  )
  if (!tokens[0]) return { status: 401 }
  const citizen = tokens[0]
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const { rows: campaigns } = await client.query(
      "SELECT * FROM participation_budget_campaigns WHERE id = $1 AND status = 'published'",
      [campaignId]
    )
    const campaign = campaigns[0]
    if (!campaign) return { status: 404 }
    const now = new Date()
    if (now < campaign.vote_opens_at || now >= (campaign.closed_at ?? campaign.vote_closes_at))
      return { status: 409 }
    if (!citizen.email_verified_at) return { status: 403 }
    const { rows: communes } = await client.query(
      'SELECT id, epci_id, departement_id FROM collectivities WHERE id = $1',
      [citizen.home_commune_id]
    )
    const commune = communes[0]
    if (
      !commune ||
      ![commune.id, commune.epci_id, commune.departement_id].includes(campaign.collectivity_id)
    )
      return { status: 403 }
    const { rows: districts } = await client.query(
      'SELECT id, budget, commune_ids FROM participation_budget_districts WHERE campaign_id = $1',
      [campaignId]
    )
    const district = districts.find((d: any) => d.commune_ids.includes(commune.id)) ?? null
    if (districts.length && !district) return { status: 403 }
    const { rows: projects } = await client.query(
      "SELECT id, coalesce(final_cost, estimated_cost) AS cost FROM participation_budget_projects WHERE campaign_id = $1 AND status = 'feasible'" +
        (district ? ' AND district_id = $2' : ''),
      district ? [campaignId, district.id] : [campaignId]
    )
    const costs = new Map(projects.map((p: any) => [p.id, Number(p.cost)]))
    if (projectIds.some((id) => !costs.has(id)) || new Set(projectIds).size !== projectIds.length)
      return { status: 422 }
    if (
      projectIds.length === 0 ||
      (campaign.max_projects && projectIds.length > campaign.max_projects)
    )
      return { status: 422 }
    if (campaign.min_projects && projectIds.length < campaign.min_projects) return { status: 422 }
    const { rows } = await client.query(
      `INSERT INTO participation_budget_ballots
         (collectivity_id, campaign_id, district_id, citizen_id, voter_ref, kind, commune_id, declared_age, project_ids, submitted_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'online', $6, NULL, $7::integer[], now(), now(), now())
       ON CONFLICT (campaign_id, citizen_id) DO UPDATE SET
         district_id = EXCLUDED.district_id, commune_id = EXCLUDED.commune_id, project_ids = EXCLUDED.project_ids,
         submitted_at = COALESCE(participation_budget_ballots.submitted_at, EXCLUDED.submitted_at), updated_at = now()
       RETURNING *`,
      [
        campaign.collectivity_id,
        campaignId,
        district?.id ?? null,
        citizen.id,
        createHash('sha256').update(String(Math.random())).digest('base64url').slice(0, 12),
        commune.id,
        `{${projectIds.join(',')}}`,
      ]
    )
    await client.query('COMMIT')
    const ballot = rows[0]
    return {
      status: 200,
      body: {
        data: {
          id: ballot.id,
          campaign_id: ballot.campaign_id,
          district_id: ballot.district_id,
          project_ids: ballot.project_ids,
          declared_age: ballot.declared_age,
          status: 'submitted',
          submitted_at: ballot.submitted_at.toISOString(),
          updated_at: ballot.updated_at.toISOString(),
        },
      },
    }
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    await client.query('ROLLBACK').catch(() => {})
    client.release()
  }
}

http
  .createServer((request, response) => {
    const match = /^\/api\/v1\/budgets\/(\d+)\/ballot$/.exec(request.url ?? '')
    const token = citizenToken(request.headers.authorization)
    if (request.method !== 'PUT' || !match) return response.writeHead(404).end()
    if (!token) return response.writeHead(401).end()
    let raw = ''
    request.on('data', (chunk) => (raw += chunk))
    request.on('end', async () => {
      try {
        const body = JSON.parse(raw)
        const result = await saveBallot(Number(match[1]), token, body.project_ids ?? [])
        response.writeHead(result.status, {
          'Content-Type': 'application/json',
          'Cache-Control': 'no-store',
        })
        response.end(
          JSON.stringify(result.body ?? { errors: [{ code: 'E', message: String(result.status) }] })
        )
      } catch (error) {
        response.writeHead(500).end(String(error))
      }
    })
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
