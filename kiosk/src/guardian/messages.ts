import type { ReportKind } from '../../../shared/protocol/index.js'
import { fieldErrorText, hasCatalogue, refusalText, translator, type GuardianMessageKey, type Translate } from '../../../shared/i18n/guardian/translate.js'
import { GuardianLanguage, LANGUAGE_INFO, languageFromBrowser } from '../../../shared/i18n/languages.js'
import { ApiError } from '../lib/api.js'
import type { AccountTexts } from '../components/asg-account.js'
import type { PushTexts } from './asg-push-settings.js'
import { formatInstant } from '../../../shared/i18n/guardian/dates.js'

/**
 * The guardian pages' words, read from the catalogues in `shared/i18n/guardian/` (one per
 * language, ICU MessageFormat). This file only shapes them for the elements: plain strings as
 * properties, messages with arguments as functions. Data from the school (names, reason labels)
 * is shown as the school wrote it.
 */
export type Locale = GuardianLanguage

function build(t: Translate, locale: Locale) {
  const plain = <K extends GuardianMessageKey>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, t(k)])) as Record<K, string>
  return {
    htmlLang: LANGUAGE_INFO[locale].htmlLang,
    ...plain(
      'appTitle', 'loginHeading', 'logout', 'loggingOut', 'languageLabel', 'languageSaved', 'checking', 'loading', 'reload',
      'staffTitle', 'staffBody', 'staffLink', 'noChildren', 'sessionExpired', 'accountLink',
      'childrenLegend', 'childrenHint', 'kindLegend', 'dayLegend', 'today', 'tomorrow', 'nextSchoolDay', 'range', 'pickDate',
      'fromDate', 'toDate', 'date', 'rangeNote', 'todayClosed', 'lateTime', 'earlyTime', 'reasonLegend', 'symptomsLegend',
      'temperature', 'temperatureUnit', 'messageLabel', 'messagePlaceholder', 'toReview', 'fixBelow',
      'errChild', 'errKind', 'errDay', 'errDate', 'errRangeDates', 'errRangeOrder', 'errPast', 'errNotSchoolDay', 'errLateTime',
      'errEarlyTime', 'errReason', 'errTemperatureLetters', 'errMode',
      'existingLegend', 'existingQuestion', 'modeReplace', 'modeReplaceNote', 'modeAdd', 'modeAddNote', 'earlier',
      'replaceSummary', 'addSummary',
      'confirmHeading', 'who', 'what', 'when', 'timeLate', 'timeEarly', 'reason', 'symptoms', 'message', 'none', 'back', 'send',
      'sending', 'sendAgain', 'sendAgainNote',
      'receiptHeading', 'thanks', 'getWell', 'receiptNo', 'submittedAt', 'sentContent', 'ackNote', 'another', 'close',
      'listHeading', 'listEmpty', 'acknowledged', 'acknowledgedNote', 'withdrawn', 'withdraw', 'withdrawQuestion', 'withdrawYes',
      'withdrawNo', 'withdrawing', 'withdrawDone', 'listSeparator', 'eventsHeading',
      'noticesLabel', 'noticeOriginal', 'answersLabel', 'noticeArrivalTime', 'noticeReason', 'noticeMessage', 'noticeSend',
      'noticeClosed', 'noticeSendFailed', 'loginId', 'loginPassword', 'loginSubmit', 'loggingIn', 'network', 'unexpected',
      'joinRegisterHeading', 'joinAddHeading', 'joinDoneHeading', 'joinResetHeading', 'joinAccountHeading', 'joinCodeLabel',
      'joinNext', 'joinForgot', 'joinChildCard', 'joinWrongChild', 'joinAdd', 'joinFamilyName', 'joinGivenName', 'joinLoginId',
      'joinLoginIdHint', 'joinPassword', 'joinPasswordHint', 'joinEmail', 'joinEmailHint', 'joinRegistering', 'joinRegister',
      'joinDoneText', 'joinToReports', 'joinAccountLink', 'joinSiblingLabel', 'joinAddChild', 'joinPleaseLogin', 'joinToLogin',
      'joinAddByCode', 'joinBackToReports', 'resetDone', 'resetLoginId', 'resetCode', 'resetPassword', 'resetSubmit',
    ),
    greeting: (name: string) => t('greeting', { name }),
    steps: [t('stepEnter'), t('stepCheck'), t('stepDone')] as readonly string[],
    stepOf: (n: number) => t('stepOf', { n }),
    kind: { absent: t('kindAbsent'), late: t('kindLate'), early_leave: t('kindEarlyLeave') } as Record<ReportKind, string>,
    notSchoolDay: (day: string) => t('notSchoolDay', { day }),
    cutoffHint: (time: string) => t('cutoffHint', { time }),
    counter: (n: number, max: number) => t('counter', { n, max }),
    counterLeft: (left: number) => t('counterLeft', { left }),
    errorSummary: (count: number) => t('errorSummary', { count }),
    errRangeLong: (n: number) => t('errRangeLong', { n }),
    errTemperature: (min: number, max: number) => t('errTemperature', { min: min.toFixed(1), max: max.toFixed(1) }),
    errMessage: (max: number) => t('errMessage', { max }),
    existingLine: (name: string, day: string, kinds: string) => t('existingLine', { name, day, kinds }),
    replacedOn: (days: string) => t('replacedOn', { days }),
    skipped: (days: string) => t('skipped', { days }),
    sentAt: (when: string) => t('sentAt', { when }),
    arrival: (time: string) => t('arrival', { time }),
    pickup: (time: string) => t('pickup', { time }),
    daysCount: (n: number) => t('daysCount', { n }),
    noticeHeading: (pupil: string, date: string) => t('noticeHeading', { pupil, date }),
    noticeIntro: (pupil: string) => t('noticeIntro', { pupil }),
    noticeReceivedAt: (when: string) => t('noticeReceivedAt', { when }),
    noticeAnswered: (answer: string) => t('noticeAnswered', { answer }),
    joinChildName: (name: string) => t('joinChildName', { name }),
    joinAddToAccount: (name: string) => t('joinAddToAccount', { name }),
    illnessNote: t('illnessNote'),
    account: {
      passwordHeading: t('accountPasswordHeading'),
      current: t('accountCurrent'),
      next: t('accountNew'),
      change: t('accountChange'),
      sessionsHeading: t('accountSessionsHeading'),
      thisDevice: t('accountThisDevice'),
      endSession: t('accountEndSession'),
      endOthers: t('accountEndOthers'),
      unknownDevice: t('accountUnknownDevice'),
      sessionTimes: (created, lastSeen) => t('accountSessionTimes', { created, lastSeen }),
      changed: (n) => t('accountChanged', { n }),
      when: (iso) => formatInstant(iso, locale),
      error: (err) => errorText(err, locale),
    } satisfies AccountTexts,
    push: {
      heading: t('pushHeading'),
      toggle: t('pushToggle'),
      note: t('pushNote'),
      on: t('pushOn'),
      unsupported: t('pushUnsupported'),
      denied: t('pushDenied'),
      failed: t('pushFailed'),
      devicesHeading: t('pushDevicesHeading'),
      thisDevice: t('accountThisDevice'),
      unknownDevice: t('accountUnknownDevice'),
      since: (created) => t('pushDeviceSince', { created }),
      remove: t('pushRemove'),
      when: (iso) => formatInstant(iso, locale),
    } satisfies PushTexts,
    answer: { late: t('answerLate'), absent: t('answerAbsent'), should_be_at_school: t('answerShouldBeAtSchool'), will_call: t('answerWillCall') },
  }
}

export type Messages = ReturnType<typeof build>
const built = new Map<Locale, Messages>()

/** The words of a language whose catalogue is loaded (`loadLanguage`); Japanese before that. */
export function messages(locale: Locale): Messages {
  const language = hasCatalogue(locale) ? locale : 'ja'
  let m = built.get(language)
  if (!m) built.set(language, (m = build(translator(language), language)))
  return m
}

export { loadCatalogue as loadLanguage } from '../../../shared/i18n/guardian/load.js'

/** Symptom chips: the Japanese value is what the school receives, whatever the page language. */
export const SYMPTOMS: readonly { value: string; key: GuardianMessageKey }[] = [
  { value: '発熱', key: 'symptomFever' },
  { value: 'せき', key: 'symptomCough' },
  { value: '鼻水', key: 'symptomRunnyNose' },
  { value: 'のどの痛み', key: 'symptomSoreThroat' },
  { value: '頭痛', key: 'symptomHeadache' },
  { value: '腹痛', key: 'symptomStomachAche' },
  { value: '吐き気', key: 'symptomNausea' },
  { value: '下痢', key: 'symptomDiarrhoea' },
]

export function symptomLabel(value: string, locale: Locale): string {
  const s = SYMPTOMS.find((x) => x.value === value)
  return s && locale !== 'ja' ? translator(locale)(s.key) : value
}

const STORAGE_KEY = 'asagao.guardian.locale'

/** Fired on `window` with the new language, for the page's elements outside the app element. */
export const LANGUAGE_EVENT = 'asg-guardian-language'

/**
 * The language to show before the account says: the one chosen on this device, else the
 * browser's language when we have it, else Japanese.
 */
export function storedLocale(): Locale {
  try {
    const stored = GuardianLanguage.safeParse(localStorage.getItem(STORAGE_KEY))
    if (stored.success) return stored.data
  } catch {
    // Storage disabled: fall through to the browser's language.
  }
  return languageFromBrowser(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language])
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode or storage disabled: the account still remembers it.
  }
}

/**
 * A failure as a sentence for the guardian, in their language: the catalogue's message for the
 * server's error code (`refusalText`), or the page's own words when the server was not reached.
 */
export function errorText(err: unknown, locale: Locale): string {
  const m = messages(locale)
  if (!(err instanceof ApiError)) return m.unexpected
  if (err.code === 'INTERNAL' && err.status === 0) return m.network
  return refusalText(locale, err.code, err.message)
}

/** Each field's problem of a refused form, in the guardian's language. */
export function fieldErrors(err: ApiError, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(err.fields).map(([field, text]) => [field, fieldErrorText(locale, err.code, field, text)]))
}
