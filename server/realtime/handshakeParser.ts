import { Decoder, Encoder } from 'socket.io-parser'

/** What a malformed handshake becomes: an object the handshake check refuses with BAD_REQUEST. */
const MALFORMED = '{"malformed":true}'

/**
 * socket.io-parser drops a CONNECT packet whose payload is not an object (a string `auth`, a
 * number, broken JSON) by closing the connection before any middleware runs, so the client
 * hears nothing. This decoder hands such a handshake on as an object the hub's handshake check
 * refuses, so the client gets a `connect_error` with a stable code like any other bad input.
 * Every other packet is decoded exactly as before.
 */
class HandshakeAnsweringDecoder extends Decoder {
  override add(packet: unknown): void {
    super.add(typeof packet === 'string' && packet.startsWith('0') ? objectHandshake(packet) : packet)
  }
}

/** A CONNECT packet (`0`, optional `/namespace,`, optional JSON) with its payload made an object. */
export function objectHandshake(packet: string): string {
  const m = /^0(\/[^,]*,)?([\s\S]*)$/.exec(packet)
  if (!m || m[2] === '') return packet
  let payload: unknown
  try {
    payload = JSON.parse(m[2]!)
  } catch {
    return `0${m[1] ?? ''}${MALFORMED}`
  }
  const isObject = payload !== null && typeof payload === 'object' && !Array.isArray(payload)
  return isObject ? packet : `0${m[1] ?? ''}${MALFORMED}`
}

/** The parser the hub uses: socket.io's own encoder, and the decoder above. */
export const handshakeAnsweringParser = { Encoder, Decoder: HandshakeAnsweringDecoder }
