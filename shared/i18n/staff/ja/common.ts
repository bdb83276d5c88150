/**
 * Words every staff page shares: the header menu and its pages, the language switch. Each area
 * of the staff pages has a catalogue like this one, in ICU MessageFormat; `en/` has the same
 * keys in English.
 */
export const common = {
  menu: 'メニュー ▾',
  menuLabel: '教職員のページ',
  logout: 'ログアウト',
  languageSwitch: 'English',
  languageSwitchLabel: 'Show the staff pages in English',
  languageFailed: '表示言語を保存できませんでした。',
  pageTeacher: '学級の出欠',
  pageOffice: '全クラス・未登校の連絡',
  pageSafety: '安否確認',
  pageRegister: '出席簿',
  pageGuidance: '生徒指導',
  pageCalendar: '行事・休業日',
  pageSurveys: 'アンケート',
  pageAdmin: '学校の管理',
  loginId: 'ログインID',
  loginPassword: 'パスワード',
  loginSubmit: 'ログイン',
  loggingIn: 'ログイン中…',
}
