import type { BoardDevice } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'

export async function insertBoardDevice(
  q: Q,
  d: { schoolId: number; name: string; pairingCodeHash: string; pairingExpiresAt: string; createdBy: number },
): Promise<BoardDevice> {
  const [row] = await q<BoardDevice[]>`
    insert into board_device (school_id, name, pairing_code_hash, pairing_expires_at, created_by)
    values (${d.schoolId}, ${d.name}, ${d.pairingCodeHash}, ${d.pairingExpiresAt}, ${d.createdBy})
    returning id, name, paired_at, revoked_at, last_seen_at`
  return row!
}

export async function listBoardDevices(q: Q, schoolId: number): Promise<BoardDevice[]> {
  return q<BoardDevice[]>`
    select id, name, paired_at, revoked_at, last_seen_at from board_device
    where school_id = ${schoolId} order by id`
}

/** The school of a pending pairing code, to start the change that redeems it. */
export async function schoolOfPairingCode(q: Q, codeHash: string): Promise<number | null> {
  const [row] = await q<{ schoolId: number }[]>`select school_id from board_device where pairing_code_hash = ${codeHash}`
  return row?.schoolId ?? null
}

/** Redeems a one-time pairing code: the device gets its long-lived token and the code dies. */
export async function redeemPairingCode(q: Q, codeHash: string, tokenHash: string, nowIso: string): Promise<number | null> {
  const [row] = await q<{ id: number }[]>`
    update board_device
    set token_hash = ${tokenHash}, paired_at = ${nowIso}, pairing_code_hash = null, pairing_expires_at = null
    where pairing_code_hash = ${codeHash} and pairing_expires_at > ${nowIso} and revoked_at is null
      -- A display already paired keeps its token: another screen is another device.
      and token_hash is null
    returning id`
  return row?.id ?? null
}

export async function deviceForToken(q: Q, tokenHash: string): Promise<{ id: number; schoolId: number } | null> {
  const [row] = await q<{ id: number; schoolId: number }[]>`
    select id, school_id from board_device where token_hash = ${tokenHash} and revoked_at is null`
  return row ?? null
}

export async function revokeBoardDevice(q: Q, schoolId: number, id: number, nowIso: string): Promise<boolean> {
  const rows = await q`
    update board_device set revoked_at = ${nowIso}, token_hash = null, pairing_code_hash = null
    where id = ${id} and school_id = ${schoolId} and revoked_at is null returning id`
  return rows.length > 0
}

export async function touchBoardDevice(q: Q, id: number, nowIso: string): Promise<void> {
  await q`update board_device set last_seen_at = ${nowIso} where id = ${id}`
}
