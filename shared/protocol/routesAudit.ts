import { AuditCsvQuery, AuditPage, AuditQuery } from './audit.js'
import { fileDownload, get } from './route.js'

/** The audit log: 校長・教頭 only (the policy action `audit.read`). */
export const auditRoutes = {
  list: get('/api/audit', { query: AuditQuery, response: AuditPage }),
  csv: get('/api/audit.csv', { query: AuditCsvQuery, response: fileDownload('text/csv') }),
}
