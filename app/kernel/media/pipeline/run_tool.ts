import { spawn } from 'node:child_process'

/** A tool (ffmpeg, ffprobe) that ran and exited with an error: its last words are kept. */
export class ToolFailed extends Error {
  constructor(
    tool: string,
    readonly exitCode: number | null,
    readonly stderr: string
  ) {
    super(`${tool} exited with ${exitCode}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`)
    this.name = 'ToolFailed'
  }
}

/**
 * Runs a binary without a shell (arguments are never interpreted), collecting stdout. The
 * signal kills it (SIGKILL: ffmpeg may ignore gentler ones while it is stuck on I/O), so a
 * job's timeout stops the work for real rather than leaving it running behind.
 */
export function runTool(command: string, args: string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted()
    const child = spawn(command, args, {
      signal,
      killSignal: 'SIGKILL',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const stdout: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => {
      // Only the tail matters for the error message; a chatty tool must not fill the memory.
      stderr = (stderr + chunk.toString()).slice(-8_000)
    })
    child.once('error', (error) => reject(signal?.aborted ? signal.reason : error))
    child.once('close', (code) => {
      if (signal?.aborted) return reject(signal.reason)
      if (code === 0) return resolve(Buffer.concat(stdout).toString())
      reject(new ToolFailed(command.split('/').pop() ?? command, code, stderr))
    })
  })
}
