/** The server's only source of "now", so tests can move time. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock tests set and advance by hand. */
export class ManualClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms
  }
  set(iso: string | number): void {
    this.ms = typeof iso === 'number' ? iso : Date.parse(iso)
  }
  advance(ms: number): void {
    this.ms += ms
  }
}

/** Real time, shifted so that it starts at a chosen instant (browser tests, demo screenshots). */
export class ShiftedClock implements Clock {
  private readonly offset: number
  constructor(startAt: string | number) {
    this.offset = (typeof startAt === 'number' ? startAt : Date.parse(startAt)) - Date.now()
  }
  now(): number {
    return Date.now() + this.offset
  }
}
