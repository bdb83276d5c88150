import { routes } from '../../shared/protocol/routes.js'
import type { Route } from '../../shared/protocol/route.js'

/**
 * Routes that change who can get in: accounts, sessions and board devices. A successful call
 * writes its own log line besides the request's, so an operator can follow them with one grep.
 */
export const ACCOUNT_CHANGES: ReadonlyMap<Route, string> = new Map<Route, string>([
  [routes.admin.createBoardDevice, 'device created'],
  [routes.admin.revokeBoardDevice, 'device revoked'],
  [routes.board.pair, 'device paired'],
  [routes.admin.createStaff, 'staff account created'],
  [routes.admin.updateStaff, 'staff account changed'],
  [routes.admin.disableStaff, 'staff account disabled'],
  [routes.admin.enableStaff, 'staff account enabled'],
  [routes.admin.staffResetCode, 'staff reset code issued'],
  [routes.admin.guardianResetCode, 'guardian reset code issued'],
  [routes.admin.unlinkGuardian, 'guardian unlinked'],
  [routes.registration.register, 'guardian account created'],
  [routes.account.changePassword, 'password changed'],
  [routes.account.resetPassword, 'password reset'],
  [routes.account.endSession, 'session ended'],
  [routes.account.endOtherSessions, 'other sessions ended'],
  [routes.session.logout, 'logout'],
])
