import { ERROR_MESSAGES, type ReportKind } from '../../../shared/protocol/index.js'
import { ApiError } from '../lib/api.js'

/**
 * The guardian page's words, in Japanese (the default) and English. Japanese is the source:
 * `en` must provide every key `ja` has. Data from the school (names, reason labels) is shown
 * as the school wrote it.
 */
export type Locale = 'ja' | 'en'

const ja = {
  htmlLang: 'ja',
  appTitle: '欠席・遅刻・早退の連絡',
  loginHeading: '保護者ログイン',
  greeting: (name: string) => `${name} さん`,
  logout: 'ログアウト',
  loggingOut: 'ログアウト中…',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  checking: '確認しています…',
  loading: '読み込んでいます…',
  reload: 'もう一度読み込む',
  staffTitle: 'このページは保護者の方向けです',
  staffBody: '教職員のアカウントでログインしています。教職員用のページをお使いください。',
  staffLink: '教職員用ページへ',
  noChildren: 'お子さまの情報がまだ登録されていません。お手数ですが、学校へお問い合わせください。',
  sessionExpired: 'ログインの有効期限が切れました。もう一度ログインしていただくと、入力した内容のまま続けられます。',
  steps: ['入力', '確認', '完了'] as readonly string[],
  stepOf: (n: number) => `ステップ ${n}/3`,

  // The form
  childrenLegend: 'どのお子さまですか',
  childrenHint: '複数選べます',
  kindLegend: '連絡の種類',
  kind: { absent: '欠席', late: '遅刻', early_leave: '早退' } as Record<ReportKind, string>,
  dayLegend: 'いつですか',
  today: '今日',
  tomorrow: '明日',
  nextSchoolDay: '次の登校日',
  range: '期間を指定',
  pickDate: '日付を指定',
  fromDate: '開始日',
  toDate: '終了日',
  date: '日付',
  rangeNote: '土日・祝日など授業のない日は、自動的に除かれます。',
  todayClosed: '今日は授業のない日です。',
  cutoffHint: (time: string) => `今日の分は ${time} までに届くと、朝の出欠確認に間に合います。過ぎてしまって急ぎのときは、学校へお電話ください。`,
  lateTime: '登校する予定の時刻',
  earlyTime: 'お迎え(下校)の時刻',
  reasonLegend: '理由',
  symptomsLegend: '症状(あてはまるものがあれば)',
  temperature: '体温(測っていれば)',
  temperatureUnit: '℃',
  messageLabel: '学校へのメッセージ(任意)',
  messagePlaceholder: 'お伝えしたいことがあればご記入ください',
  counter: (n: number, max: number) => `${n} / ${max}文字`,
  toReview: '確認へ進む',
  fixBelow: 'まだ選ばれていない項目があります。赤い字のところをご確認ください。',

  // Client-side checks
  errChild: 'お子さまを選んでください',
  errKind: '欠席・遅刻・早退のどれかを選んでください',
  errDay: '日にちを選んでください',
  errDate: '日付を入力してください',
  errRangeDates: '開始日と終了日を入力してください',
  errRangeOrder: '終了日は開始日と同じか、あとの日にしてください',
  errRangeLong: (n: number) => `期間は${n}日までにしてください`,
  errPast: '過ぎた日は選べません。学校へお電話ください。',
  errLateTime: '登校する予定の時刻を入力してください',
  errEarlyTime: 'お迎えの時刻を入力してください',
  errReason: '理由を選んでください',
  errTemperature: '体温は 34.0〜42.5 の数字で入力してください(測っていなければ空欄で大丈夫です)',
  errMessage: (max: number) => `メッセージは${max}文字までです`,
  errMode: '前の連絡を変更するのか、追加の連絡なのかを選んでください',

  // A day that already has a report
  existingLegend: 'この日はすでに連絡があります',
  existingLine: (name: string, day: string, kinds: string) => `${name}さん ${day}: ${kinds}`,
  existingQuestion: '今回の連絡は、前の連絡を変更するものですか? それとも追加の連絡ですか?',
  modeReplace: '前の連絡を変更する',
  modeReplaceNote: '前の連絡はこの内容に置き換わります(学校には経過が残ります)。',
  modeAdd: '追加の連絡として送る',
  modeAddNote: '前の連絡もそのまま有効です(例: 遅れて登校し、早退もする)。',
  earlier: '前の連絡',
  replaceSummary: '変更する(この内容に置き換え)',
  addSummary: '追加する(前の連絡もそのまま)',
  replacedOn: (days: string) => `${days}は後の連絡で変更`,

  // The confirm step
  confirmHeading: 'この内容で送信してよろしいですか?',
  who: 'お子さま',
  what: '種類',
  when: '日にち',
  timeLate: '登校予定',
  timeEarly: 'お迎え',
  reason: '理由',
  symptoms: '症状',
  message: 'メッセージ',
  none: 'なし',
  back: '修正する',
  send: 'この内容で送信する',
  sending: '送信しています…',
  sendAgain: 'もう一度送信する',
  sendAgainNote: 'もう一度押しても、同じ連絡が二重に届くことはありません。',

  // The receipt
  receiptHeading: '連絡を受け付けました',
  thanks: 'ご連絡ありがとうございます。',
  getWell: 'どうぞお大事になさってください。',
  receiptNo: '受付番号',
  submittedAt: '送信日時',
  sentContent: '送った内容',
  skipped: (days: string) => `土日・祝日など授業のない日(${days})は含めていません。`,
  ackNote: '学校が確認すると、「最近の連絡」に「確認済」と表示されます。',
  another: '続けて連絡する',
  close: '閉じる',

  // The list
  listHeading: '最近の連絡',
  listEmpty: 'この30日間に送った連絡はありません。',
  acknowledged: '確認済',
  acknowledgedNote: '学校が確認しました',
  withdrawn: '取り消し済',
  withdraw: '取り消す',
  withdrawQuestion: 'この連絡を取り消しますか?',
  withdrawYes: '取り消す',
  withdrawNo: 'やめる',
  withdrawing: '取り消しています…',
  sentAt: (when: string) => `${when} 送信`,
  arrival: (time: string) => `${time}ごろ登校予定`,
  pickup: (time: string) => `${time} お迎え`,
  daysCount: (n: number) => `${n}日間`,
  listSeparator: '・',

  // Failures without a server message
  network: '通信できませんでした。電波の良い所でもう一度お試しください。',
  unexpected: 'うまく表示できませんでした。時間をおいてもう一度お試しください。',
}

export type Messages = typeof ja

const en: Messages = {
  htmlLang: 'en',
  appTitle: 'Absence, late arrival and early leave',
  loginHeading: 'Guardian login',
  greeting: (name: string) => name,
  logout: 'Log out',
  loggingOut: 'Logging out…',
  switchLanguage: '日本語',
  switchLanguageLabel: '日本語に切り替える',
  checking: 'Checking…',
  loading: 'Loading…',
  reload: 'Try again',
  staffTitle: 'This page is for parents and guardians',
  staffBody: 'You are logged in with a staff account. Please use the staff page.',
  staffLink: 'Go to the staff page',
  noChildren: 'No children are registered for your account yet. Please contact the school.',
  sessionExpired: 'Your login has expired. Log in again to continue; what you entered is kept.',
  steps: ['Enter', 'Check', 'Done'],
  stepOf: (n: number) => `Step ${n} of 3`,

  childrenLegend: 'Which child?',
  childrenHint: 'You can choose more than one',
  kindLegend: 'What to report',
  kind: { absent: 'Absent', late: 'Late', early_leave: 'Leaving early' },
  dayLegend: 'When?',
  today: 'Today',
  tomorrow: 'Tomorrow',
  nextSchoolDay: 'Next school day',
  range: 'Choose dates',
  pickDate: 'Choose a date',
  fromDate: 'From',
  toDate: 'To',
  date: 'Date',
  rangeNote: 'Days without school (weekends, holidays) are left out automatically.',
  todayClosed: 'There is no school today.',
  cutoffHint: (time: string) => `Reports for today that arrive by ${time} reach the morning roll call. If it is later and urgent, please phone the school.`,
  lateTime: 'Expected arrival time',
  earlyTime: 'Pick-up time',
  reasonLegend: 'Reason',
  symptomsLegend: 'Symptoms (if any)',
  temperature: 'Temperature (if measured)',
  temperatureUnit: '°C',
  messageLabel: 'Message to the school (optional)',
  messagePlaceholder: 'Anything you would like the school to know',
  counter: (n: number, max: number) => `${n} / ${max}`,
  toReview: 'Check and send',
  fixBelow: 'Something is still missing. Please see the notes in red.',

  errChild: 'Please choose a child',
  errKind: 'Please choose absent, late or leaving early',
  errDay: 'Please choose a day',
  errDate: 'Please enter a date',
  errRangeDates: 'Please enter both dates',
  errRangeOrder: 'The end date must be on or after the start date',
  errRangeLong: (n: number) => `Please choose ${n} days at most`,
  errPast: 'That day has passed. Please phone the school.',
  errLateTime: 'Please enter the expected arrival time',
  errEarlyTime: 'Please enter the pick-up time',
  errReason: 'Please choose a reason',
  errTemperature: 'Please enter a temperature between 34.0 and 42.5 (or leave it empty)',
  errMessage: (max: number) => `The message can be ${max} characters at most`,
  errMode: 'Please choose whether this changes the earlier report or adds to it',

  existingLegend: 'There is already a report for this day',
  existingLine: (name: string, day: string, kinds: string) => `${name}, ${day}: ${kinds}`,
  existingQuestion: 'Does this report change the earlier one, or add to it?',
  modeReplace: 'Change the earlier report',
  modeReplaceNote: 'This report replaces the earlier one (the school keeps both on record).',
  modeAdd: 'Add to the earlier report',
  modeAddNote: 'The earlier report still stands (e.g. arriving late and also leaving early).',
  earlier: 'Earlier report',
  replaceSummary: 'Changed (replaced by this one)',
  addSummary: 'Added (the earlier one still stands)',
  replacedOn: (days: string) => `Changed by a later report on ${days}`,

  confirmHeading: 'Send this report?',
  who: 'Child',
  what: 'Report',
  when: 'Day(s)',
  timeLate: 'Arriving',
  timeEarly: 'Pick-up',
  reason: 'Reason',
  symptoms: 'Symptoms',
  message: 'Message',
  none: 'None',
  back: 'Edit',
  send: 'Send',
  sending: 'Sending…',
  sendAgain: 'Send again',
  sendAgainNote: 'Sending again will not create a second report.',

  receiptHeading: 'Report received',
  thanks: 'Thank you for letting us know.',
  getWell: 'We hope they feel better soon.',
  receiptNo: 'Receipt no.',
  submittedAt: 'Sent',
  sentContent: 'What was sent',
  skipped: (days: string) => `Days without school (${days}) are not included.`,
  ackNote: 'When the school has read it, “Seen by school” appears under Recent reports.',
  another: 'Send another report',
  close: 'Close',

  listHeading: 'Recent reports',
  listEmpty: 'No reports in the last 30 days.',
  acknowledged: 'Seen',
  acknowledgedNote: 'Seen by school',
  withdrawn: 'Withdrawn',
  withdraw: 'Withdraw',
  withdrawQuestion: 'Withdraw this report?',
  withdrawYes: 'Withdraw',
  withdrawNo: 'Keep it',
  withdrawing: 'Withdrawing…',
  sentAt: (when: string) => `Sent ${when}`,
  arrival: (time: string) => `Arriving around ${time}`,
  pickup: (time: string) => `Pick-up at ${time}`,
  daysCount: (n: number) => (n === 1 ? '1 day' : `${n} days`),
  listSeparator: ', ',

  network: 'Could not connect. Please try again where the signal is better.',
  unexpected: 'Something went wrong. Please try again in a moment.',
}

/** Symptom chips: the Japanese value is what the school receives, whatever the page language. */
export const SYMPTOMS: readonly { value: string; en: string }[] = [
  { value: '発熱', en: 'Fever' },
  { value: 'せき', en: 'Cough' },
  { value: '鼻水', en: 'Runny nose' },
  { value: 'のどの痛み', en: 'Sore throat' },
  { value: '頭痛', en: 'Headache' },
  { value: '腹痛', en: 'Stomach ache' },
  { value: '吐き気', en: 'Nausea' },
  { value: '下痢', en: 'Diarrhoea' },
]

export function symptomLabel(value: string, locale: Locale): string {
  return locale === 'en' ? (SYMPTOMS.find((s) => s.value === value)?.en ?? value) : value
}

export function messages(locale: Locale): Messages {
  return locale === 'en' ? en : ja
}

const STORAGE_KEY = 'asagao.guardian.locale'

/** The stored language choice; Japanese unless the guardian chose English on this device. */
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja'
  } catch {
    return 'ja'
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit only.
  }
}

/** A failure as a sentence for the guardian: the server's Japanese message, or its English twin. */
export function errorText(err: unknown, locale: Locale): string {
  const m = messages(locale)
  if (!(err instanceof ApiError)) return m.unexpected
  if (err.code === 'INTERNAL' && err.status === 0) return m.network
  return locale === 'en' ? ERROR_MESSAGES[err.code].en : err.message
}
