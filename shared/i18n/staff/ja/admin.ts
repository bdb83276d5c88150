/** The words of the staff pages' admin area (ICU MessageFormat); `en/admin.ts` has the same keys in English. */
export const admin = {
  pageTitle: '学校の管理 — 朝顔',
  loginHeading: '学校の管理 ログイン',
  heading: '朝顔 学校の管理 — {school}',
  cityHeading: '朝顔 設置者の管理 — {organisation}',
  signOut: 'ログアウト',
  cityDayLink: '市内の学校の出欠(今日の欠席・出席停止・学級閉鎖・点呼)を見る',
  denied: 'このページは管理者・校長・教頭のみ使えます。',
  tabRoster: '名簿',
  tabRegistration: '保護者の登録',
  tabStaff: '職員',
  tabSettings: '学校の設定',
  tabDevices: '表示端末',
  tabAudit: '監査ログ',
  tabBackups: 'バックアップ',
  tabAccount: 'アカウント',
}
