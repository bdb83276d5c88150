import { adminRoutes } from './routesAdmin.js'
import { auditRoutes } from './routesAudit.js'
import { guardianSettingsRoutes } from './routesGuardianSettings.js'
import { accountRoutes, boardRoutes, guardianRoutes, healthRoutes, registrationRoutes, sessionRoutes } from './routesPeople.js'
import { opsRoutes } from './routesOps.js'
import { guardianSafetyRoutes, safetyRoutes } from './routesSafety.js'
import { pushRoutes } from './routesPush.js'
import { calendarRoutes, guidanceRoutes, officeRoutes, registerRoutes } from './routesStaff.js'
import { cityRoutes, setupRoutes } from './routesSetup.js'

/**
 * Every HTTP route of Asagao, by audience. The server mounts exactly these (a test checks both
 * directions) and the pages call them through the one typed client.
 */
export const routes = {
  health: healthRoutes,
  session: sessionRoutes,
  account: accountRoutes,
  registration: registrationRoutes,
  guardian: guardianRoutes,
  guardianSettings: guardianSettingsRoutes,
  push: pushRoutes,
  board: boardRoutes,
  admin: adminRoutes,
  office: officeRoutes,
  register: registerRoutes,
  guidance: guidanceRoutes,
  calendar: calendarRoutes,
  setup: setupRoutes,
  city: cityRoutes,
  audit: auditRoutes,
  ops: opsRoutes,
  safety: safetyRoutes,
  guardianSafety: guardianSafetyRoutes,
}

export * from './route.js'
export * from './routesAdmin.js'
export * from './routesAudit.js'
export * from './routesGuardianSettings.js'
export * from './routesPeople.js'
export * from './routesStaff.js'
export * from './routesSetup.js'
export * from './routesOps.js'
export * from './routesSafety.js'
export * from './routesPush.js'
export * from './push.js'
