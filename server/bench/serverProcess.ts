import { spawn, type ChildProcess } from 'node:child_process'
import { ROOT } from '../pages/buildInfo.js'

/** Node flags for the product's server processes, to see where their time goes (e.g. --cpu-prof --cpu-prof-dir=DIR). */
export const SERVER_NODE_FLAGS = process.env.BENCH_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? []

/**
 * Starts a server as a process of its own on 127.0.0.1:`port` with only the environment given
 * (plus PATH and HOME), collects its output line by line into `log`, and resolves once it
 * answers /healthz; fails if it exits or does not answer within `waitMs`.
 */
export async function startServerProcess(o: { label: string; args: string[]; port: number; env: Record<string, string>; log: string[]; waitMs?: number }): Promise<ChildProcess> {
  const child = spawn(process.execPath, o.args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(o.port), ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  for (const stream of [child.stdout, child.stderr]) {
    let rest = ''
    stream.on('data', (d: Buffer) => {
      const lines = (rest + d.toString()).split('\n')
      rest = lines.pop()!
      o.log.push(...lines)
    })
  }
  const deadline = Date.now() + (o.waitMs ?? 120_000)
  while (!(await healthy(o.port))) {
    if (child.exitCode !== null) throw new Error(`${o.label} exited:\n${o.log.slice(-20).join('\n')}`)
    if (Date.now() > deadline) throw new Error(`${o.label} did not start`)
    await new Promise((r) => setTimeout(r, 20))
  }
  return child
}

/** Sends the signal and waits for the process to exit (at once if it already has). */
export async function stopProcess(p: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return
  const gone = new Promise<void>((r) => p.once('exit', () => r()))
  p.kill(signal)
  await gone
}

export async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) })).ok
  } catch {
    return false
  }
}
