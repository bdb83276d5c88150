import type { admin as ja } from '../ja/admin.js'

export const admin: Record<keyof typeof ja, string> = {
  pageTitle: 'School administration — Asagao',
  loginHeading: 'School administration login',
  heading: 'Asagao school administration — {school}',
  cityHeading: 'Asagao administration for {organisation}',
  signOut: 'Log out',
  cityDayLink: 'See attendance at the city’s schools (today’s absences, attendance suspensions, class closures and roll calls)',
  denied: 'Only administrators, principals and vice-principals can use this page.',
  tabRoster: 'Roster',
  tabRegistration: 'Guardian registration',
  tabStaff: 'Staff',
  tabSettings: 'School settings',
  tabDevices: 'Displays',
  tabAudit: 'Audit log',
  tabBackups: 'Backups',
  tabAccount: 'Account',
}
