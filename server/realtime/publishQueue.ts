import type { Change, Publish } from './changes.js'

interface Turn {
  /** undefined while the change's transaction runs; null when it rolled back. */
  change: Change | null | undefined
}

/**
 * Publishes each school's committed changes in sequence order. Commits are ordered by the
 * school's row lock, but the code after each commit runs as the database's replies arrive,
 * so two changes could reach Socket.IO swapped; a change whose number was taken later waits
 * here until every earlier one of this process has committed or rolled back.
 */
export class PublishQueue {
  private readonly lines = new Map<number, Turn[]>()

  constructor(private readonly publish: (change: Change) => void) {}

  /** Call right after taking the school's sequence number; settle the turn after commit or rollback. */
  take(schoolId: number): (change: Change | null) => void {
    const turn: Turn = { change: undefined }
    const line = this.lines.get(schoolId) ?? []
    line.push(turn)
    this.lines.set(schoolId, line)
    return (change) => {
      turn.change = change
      this.flush(schoolId, line)
    }
  }

  private flush(schoolId: number, line: Turn[]): void {
    while (line.length > 0 && line[0]!.change !== undefined) {
      const { change } = line.shift()!
      if (change) this.publish(change)
    }
    if (line.length === 0 && this.lines.get(schoolId) === line) this.lines.delete(schoolId)
  }
}

const queues = new WeakMap<Publish, PublishQueue>()

/** The queue in front of a publisher (one per app: tests run several in one process). */
export function publishQueue(publish: Publish): PublishQueue {
  let queue = queues.get(publish)
  if (!queue) queues.set(publish, (queue = new PublishQueue(publish)))
  return queue
}
