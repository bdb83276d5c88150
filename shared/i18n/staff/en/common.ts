import type { common as ja } from '../ja/common.js'

export const common: Record<keyof typeof ja, string> = {
  menu: 'Menu ▾',
  menuLabel: 'Staff pages',
  logout: 'Log out',
  languageSwitch: '日本語',
  languageSwitchLabel: '教職員のページを日本語で表示する',
  languageFailed: 'The language could not be saved.',
  pageTeacher: 'My class today',
  pageOffice: 'All classes and not-arrived notices',
  pageSafety: 'Safety check',
  pageRegister: 'Attendance register',
  pageGuidance: 'Pupil guidance',
  pageCalendar: 'Events and holidays',
  pageSurveys: 'Surveys',
  pageAdmin: 'School administration',
  loginId: 'Login ID',
  loginPassword: 'Password',
  loginSubmit: 'Log in',
  loggingIn: 'Logging in…',
}
