import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export interface ServerProcess {
  url: string
  pid: number
  /** What the process printed so far (stdout and stderr), for failure messages. */
  output(): string
  stop(): Promise<void>
  /** Ends the process with SIGKILL, as a power cut or the OOM killer would, and waits until it is gone. */
  kill(): Promise<void>
  /** The process itself, for tests that signal it and read its exit code. */
  child: ChildProcess
}

/** A port nobody listens on right now (the server must print real addresses, so not port 0). */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/**
 * Runs `node <args>` in `cwd` as a real server process and waits until /healthz answers.
 * The environment is given whole: nothing of the test runner's (DATABASE_URL, NODE_OPTIONS)
 * leaks in.
 */
export async function startServerProcess(cwd: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: String(port), ASAGAO_LOG: 'silent', ...env },
  })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  while (!(await answers(`${url}/healthz`))) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) {
      await stop(child)
      throw new Error(`server did not answer within ${timeoutMs} ms:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return { url, pid: child.pid!, output: () => output, stop: () => stop(child), kill: () => stop(child, 'SIGKILL'), child }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok
  } catch {
    return false
  }
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill(signal)
  await exited
}

/**
 * Runs `node <args>` to completion and returns its exit code and output. A process still running
 * after `timeoutMs` (a server that should have refused to start) is killed and reported as null.
 */
export async function runNode(cwd: string, args: string[], env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
  clearTimeout(timer)
  return { code, output }
}
