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
