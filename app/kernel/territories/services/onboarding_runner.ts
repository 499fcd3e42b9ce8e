import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Collectivity, { type CollectivityKind } from '#kernel/territories/models/collectivity'
import { planOnboarding, type OnboardingTargets } from '#kernel/territories/cog/plan'
import { territoryIndex } from '#kernel/territories/cog/territory_index'
import { PlanWriter, type PlanWriteResult } from '#kernel/territories/services/plan_writer'
import { enableCoreFeatures } from '#kernel/territories/services/core_features'
import { modules } from '#kernel/modules/registry'

/** Lets a caller (the Ace command) show how far an onboarding has gone. */
export interface OnboardingProgress {
  start(step: string, total: number): void
  advance(count: number): void
  stop(): void
}

export interface HookFailure {
  module: string
  collectivity: string
  message: string
}

export interface OnboardingSummary extends PlanWriteResult {
  /** Authorities now onboarded by this run (features on, hooks called), per kind. */
  onboarded: Record<CollectivityKind, number>
  /** Module hooks that threw: the rows are written, a rerun calls the hooks again. */
  hookFailures: HookFailure[]
  /** The authorities this run onboarded, departements first. */
  collectivities: Collectivity[]
}

const KIND_ORDER: Record<CollectivityKind, number> = { departement: 0, epci: 1, commune: 2 }

/**
 * Shared by the three onboarding actions: plan from the COG (unknown codes refused before any
 * write), write everything in one transaction (rows, links, aliases, core features), then call
 * each module's `onboard` hook for every onboarded authority, outside the transaction.
 */
export async function runOnboarding(
  targets: OnboardingTargets,
  progress?: OnboardingProgress
): Promise<OnboardingSummary> {
  const plan = planOnboarding(await territoryIndex(), targets)
  const onboardedCodes = {
    departement: plan.departements
      .filter((row) => row.status === 'onboarded')
      .map((row) => row.code),
    epci: plan.epcis.filter((row) => row.status === 'onboarded').map((row) => row.code),
    commune: plan.communes.filter((row) => row.status === 'onboarded').map((row) => row.code),
  }

  const { written, collectivities } = await db.transaction(async (trx) => {
    const total =
      plan.departements.length + plan.epcis.length + plan.communes.length + plan.aliases.length
    progress?.start('Écriture des collectivités', total)
    const result = await new PlanWriter(trx).write(plan, (count) => progress?.advance(count))
    progress?.stop()

    const authorities = Object.entries(onboardedCodes).flatMap(([kind, codes]) =>
      codes.map((code) => ({ kind, code }))
    )
    await enableCoreFeatures(trx, authorities)
    const rows = await loadOnboarded(trx, authorities)
    return { written: result, collectivities: rows }
  })

  // Fresh planner statistics: after a bulk load, stale ones turn the citizen search into
  // sequential scans (measured: 100 ms instead of a few).
  await db.rawQuery('ANALYZE collectivities, collectivity_aliases, epci_departements')
  // A bulk load leaves its GIN entries (trigrams, postal codes) in the indexes' pending lists,
  // which every search then reads whole until autovacuum merges them: measured on all of
  // France, 35 ms for a postal code instead of 1. Merge them now (VACUUM cannot run inside a
  // transaction; this can).
  await db.rawQuery(`SELECT gin_clean_pending_list(i.indexrelid)
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    WHERE am.amname = 'gin'
      AND i.indrelid IN ('collectivities'::regclass, 'collectivity_aliases'::regclass)`)
  const hookFailures = await callOnboardHooks(collectivities, progress)
  return {
    ...written,
    onboarded: {
      departement: onboardedCodes.departement.length,
      epci: onboardedCodes.epci.length,
      commune: onboardedCodes.commune.length,
    },
    hookFailures,
    collectivities,
  }
}

async function loadOnboarded(
  trx: TransactionClientContract,
  authorities: Array<{ kind: string; code: string }>
) {
  const rows = await Collectivity.query({ client: trx }).whereRaw(
    `(kind, code) IN (SELECT r.kind, r.code FROM json_to_recordset(?::json) AS r(kind text, code text))`,
    [JSON.stringify(authorities)]
  )
  return rows.sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code)
  )
}

async function callOnboardHooks(collectivities: Collectivity[], progress?: OnboardingProgress) {
  const withHooks = modules.filter((module) => module.onboard)
  const failures: HookFailure[] = []
  if (withHooks.length === 0) return failures
  progress?.start('Modules (onboard)', collectivities.length)
  for (const collectivity of collectivities) {
    for (const module of withHooks) {
      try {
        await module.onboard!(collectivity)
      } catch (error) {
        failures.push({
          module: module.key,
          collectivity: `${collectivity.kind} ${collectivity.code}`,
          message: error instanceof Error ? error.message : String(error),
        })
      }
    }
    progress?.advance(1)
  }
  progress?.stop()
  return failures
}
