import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Runs `work` and answers no sooner than `minimumMs` after the start, success or failure, so
 * that the answer's timing does not tell an existing account from a new address (registration,
 * forgot password). The floor sits above the slower branch's usual cost (a password hash).
 */
export async function withEvenTiming<T>(minimumMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  const pause = () => sleep(Math.max(0, minimumMs - (performance.now() - started)))
  try {
    const result = await work()
    await pause()
    return result
  } catch (error) {
    await pause()
    throw error
  }
}
