import { adminRoutes } from './routesAdmin.js'
import { guardianSettingsRoutes } from './routesGuardianSettings.js'
import { accountRoutes, boardRoutes, guardianRoutes, healthRoutes, registrationRoutes, sessionRoutes } from './routesPeople.js'
import { calendarRoutes, guidanceRoutes, officeRoutes, registerRoutes } from './routesStaff.js'

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
  board: boardRoutes,
  admin: adminRoutes,
  office: officeRoutes,
  register: registerRoutes,
  guidance: guidanceRoutes,
  calendar: calendarRoutes,
}

export * from './route.js'
export * from './routesAdmin.js'
export * from './routesGuardianSettings.js'
export * from './routesPeople.js'
export * from './routesStaff.js'
