import type { CommandAck, CommandName, CommandPayload } from '../../shared/protocol/index.js'
import { dayReader, staffMay } from '../auth/guards.js'
import type { Principal } from '../auth/principal.js'
import { liveHealthKey, recordAudit } from '../audit/record.js'
import { buildSnapshotUnlessUnchanged } from '../day/snapshot.js'
import { SharedSnapshots, snapshotFor } from '../day/sharedSnapshots.js'
import type { Deps } from '../deps.js'
import { acknowledgeReport } from '../reports/acknowledgeReport.js'
import { markPupil, recordPhoneReport } from '../roll/marks.js'
import { addStaffNote, confirmRoll, history, roster } from '../roll/rollCall.js'
import { schoolNow } from '../reports/schoolDates.js'

/** What the hub keeps about the socket a command came on (kept current when rights change). */
export interface CommandSocket {
  /** Staff only: whether this person may read health notes, by their role and the school's setting. */
  healthNotes: boolean
}

type Handler<K extends CommandName> = (who: Principal, input: Required<CommandPayload<K>> | CommandPayload<K>, on: CommandSocket) => Promise<CommandAck<K>>

/** One handler per socket command; input is already validated, the principal checked as the catalogue says (hub.ts). */
export function commandHandlers(deps: Deps): { [K in CommandName]: Handler<K> } {
  // Built whole (health notes, messages) once for all readers asking together; each gets its own view.
  const snapshots = new SharedSnapshots((schoolId, date, last) =>
    buildSnapshotUnlessUnchanged(deps.sql, { schoolId, date, buildId: deps.buildId, forBoard: false, healthNotes: true }, last))
  return {
    'day:snapshot': async (who, input, on) => {
      const reader = dayReader(who)
      const date = input.date ?? schoolNow(deps.clock.now()).today
      // Decided when the socket connected and again whenever the roles or the school's setting change.
      const healthNotes = reader.kind === 'staff' && on.healthNotes
      const timer = deps.metrics?.snapshotSeconds.startTimer({ reader: reader.kind })
      const snapshot = snapshotFor(await snapshots.get(reader.schoolId, date), { forBoard: reader.kind === 'board', healthNotes })
      timer?.()
      deps.metrics?.snapshotsBuilt.inc({ reader: reader.kind })
      // The live view carries symptoms to health-note roles: one audit row per login session and day, not per reconnect.
      if (healthNotes && reader.kind === 'staff') {
        await recordAudit(deps.sql, reader, { action: 'health.live', dateFrom: date, onceKey: liveHealthKey(reader.sessionHash, date) }, deps.clock.now())
      }
      return { ok: true, snapshot }
    },
    'report:acknowledge': async (who, input) => {
      await acknowledgeReport(deps, staffMay(who, 'report.acknowledge'), input.reportId)
      return { ok: true }
    },
    // Roll call
    'class:roster': async (who, input) => ({ ok: true, ...(await roster(deps, staffMay(who, 'roster.read'), input.classId)) }),
    'pupil:mark': async (who, input) => {
      await markPupil(deps, staffMay(who, 'roll.mark'), input)
      return { ok: true }
    },
    'roll:confirm': async (who, input) => {
      await confirmRoll(deps, staffMay(who, 'roll.mark'), input)
      return { ok: true }
    },
    'report:phone': async (who, input) => {
      await recordPhoneReport(deps, staffMay(who, 'report.phone'), input)
      return { ok: true }
    },
    'pupil:note': async (who, input) => {
      await addStaffNote(deps, staffMay(who, 'pupil.note'), input)
      return { ok: true }
    },
    'pupil:history': async (who, input) => ({ ok: true, history: await history(deps, staffMay(who, 'pupil.history'), input.pupilId) }),
    'heartbeat:ping': async (_who, input) => ({ ok: true, sentAt: input.sentAt, serverTime: new Date(deps.clock.now()).toISOString() }),
  }
}
