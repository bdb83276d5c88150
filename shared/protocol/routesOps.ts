import { z } from 'zod'
import { Instant } from './primitives.js'
import { fileDownload, get } from './route.js'

/** One backup file in the data folder's `backups`. */
export const BackupFile = z.object({
  name: z.string(),
  takenAt: Instant,
  bytes: z.number().int().nonnegative(),
  /** `nightly`: written by the embedded server itself; `manual`: put there by `npm run backup --out`. */
  kind: z.enum(['nightly', 'manual']),
})
export type BackupFile = z.infer<typeof BackupFile>

export const BackupList = z.object({
  ok: z.literal(true),
  /** Where the backups are made: the embedded server writes them itself, PostgreSQL's are the operator's pg_dump timer. */
  database: z.enum(['embedded', 'postgres']),
  /** Newest first. */
  backups: z.array(BackupFile),
})
export type BackupList = z.infer<typeof BackupList>

/** Operating the server: metrics for monitoring, the backups an administrator can check. */
export const opsRoutes = {
  /** Prometheus text format; answered to loopback callers, or to any caller with ASAGAO_METRICS_TOKEN as Bearer. */
  metrics: get('/metrics', { response: fileDownload('text/plain; version=0.0.4; charset=utf-8'), public: true }),
  backups: get('/api/ops/backups', { response: BackupList }),
}
