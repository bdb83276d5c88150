import { isIPv6 } from 'node:net'

/**
 * The throttle key of a client address. IPv4 counts per address; IPv6 per /64, the block one
 * household or phone is usually given, so rotating the last 64 bits does not reset the count.
 */
export function sourceKey(ip: string | undefined): string {
  if (!ip) return 'unknown'
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (v4) return v4[1]!
  if (!isIPv6(ip)) return ip
  const [head = '', tail = ''] = ip.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':') + '::/64'
}

/** A client address as the audit log records it: the whole address, IPv4-mapped IPv6 written as IPv4. */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return 'unknown'
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1] ?? ip
}

/**
 * The client address of a raw request (a socket's handshake) exactly as Express computes
 * `req.ip`: walk from the connection back through X-Forwarded-For while each hop is a proxy
 * the operator trusts (`trust` is Express's compiled `trust proxy fn`).
 */
export function requestAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, trust: (addr: string, hop: number) => boolean): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')
  const hops = [remote ?? '', ...header.split(',').map((s) => s.trim()).filter(Boolean).reverse()]
  for (let i = 0; i < hops.length - 1; i++) if (!trust(hops[i]!, i)) return clientAddress(hops[i] || undefined)
  return clientAddress(hops[hops.length - 1] || undefined)
}
