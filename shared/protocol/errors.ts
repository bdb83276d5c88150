import { z } from 'zod'

/**
 * The closed set of error codes. Codes are stable: pages and tests branch on them,
 * so rename never, add freely.
 */
export const ERROR_MESSAGES = {
  BAD_REQUEST: { ja: '入力内容に誤りがあります。', en: 'Please check what you entered.' },
  PAYLOAD_TOO_LARGE: { ja: '送信内容が大きすぎます。', en: 'The request is too large.' },
  UNAUTHENTICATED: { ja: 'ログインしてください。', en: 'Please log in.' },
  LOGIN_FAILED: { ja: 'ログインIDまたはパスワードが違います。', en: 'Wrong login ID or password.' },
  RATE_LIMITED: { ja: '試行回数が多すぎます。しばらくしてからお試しください。', en: 'Too many attempts. Please wait a moment.' },
  FORBIDDEN: { ja: 'この操作は許可されていません。', en: 'You are not allowed to do this.' },
  BAD_ORIGIN: { ja: '許可されていない接続元です。', en: 'Origin not allowed.' },
  PROTOCOL_MISMATCH: { ja: '画面が古くなっています。再読み込みします。', en: 'This page is out of date and will reload.' },
  NOT_FOUND: { ja: '見つかりません。', en: 'Not found.' },
  PUPIL_NOT_FOUND: { ja: 'お子さまの情報が見つかりません。', en: 'Pupil not found.' },
  REPORT_NOT_FOUND: { ja: '連絡が見つかりません。', en: 'Report not found.' },
  REASON_NOT_FOUND: { ja: '理由の選択に誤りがあります。', en: 'Unknown reason.' },
  DATE_OUTSIDE_SCHOOL_YEAR: { ja: 'その日は年度の範囲外です。', en: 'That date is outside the school year.' },
  NOT_A_SCHOOL_DAY: { ja: 'その日は授業日ではありません。', en: 'That day is not a school day.' },
  NO_SCHOOL_DAYS_IN_RANGE: { ja: '選んだ期間に授業日がありません。', en: 'There are no school days in that range.' },
  DATE_IN_PAST: { ja: '過ぎた日の連絡はできません。学校へお電話ください。', en: 'That day has passed. Please phone the school.' },
  CUTOFF_PASSED: { ja: '本日分の連絡の受付時間を過ぎました。学校へお電話ください。', en: "Today's reports are closed. Please phone the school." },
  ONE_SCHOOL_PER_REPORT: { ja: '学校が異なるお子さまは、学校ごとに連絡してください。', en: 'Please send one report per school.' },
  NOT_ENROLLED: { ja: 'その日はお子さまの在籍期間外です。', en: 'The pupil is not enrolled on that day.' },
  RANGE_TOO_LONG: { ja: '期間が長すぎます(最長31日)。', en: 'The range is too long (31 days at most).' },
  TIME_REQUIRED: { ja: '時刻を入力してください。', en: 'Please enter a time.' },
  WITHDRAW_NOT_ALLOWED: { ja: 'この連絡は取り消せません。学校へお電話ください。', en: 'This report can no longer be withdrawn. Please phone the school.' },
  ALREADY_WITHDRAWN: { ja: 'この連絡はすでに取り消されています。', en: 'This report was already withdrawn.' },
  REPORT_EXISTS: { ja: 'この日はすでに連絡があります。前の連絡を変更するのか、追加の連絡なのかを選んでください。', en: 'There is already a report for that day: choose whether this changes it or adds to it.' },
  IDEMPOTENCY_CONFLICT: { ja: '同じ送信番号で異なる内容が送られました。画面を開き直してください。', en: 'The same submission key was used for different content.' },
  PAIRING_INVALID: { ja: 'ペアリングコードが無効か期限切れです。', en: 'The pairing code is invalid or expired.' },
  DEVICE_REVOKED: { ja: 'この表示端末は登録されていません。', en: 'This display is not paired.' },
  INTERNAL: { ja: 'サーバーでエラーが起きました。時間をおいてお試しください。', en: 'Something went wrong on the server.' },
  UNAVAILABLE: { ja: 'ただいまデータを保存・読み込みできません。少し待ってからもう一度お試しください。', en: 'The database cannot be reached right now. Please try again shortly.' },
  STORAGE_FULL: { ja: 'サーバーの保存領域がいっぱいのため、保存できませんでした(内容は保存されていません)。急ぎの場合は学校へお電話ください。', en: "The server's storage is full: nothing was saved. If it is urgent, please phone the school." },
  // Roll call, marks, notes, notices
  CLASS_NOT_FOUND: { ja: 'クラスが見つかりません。', en: 'Class not found.' },
  NOT_HOMEROOM: { ja: '担任または管理職・職員室の方のみ入力できます。', en: 'Only the homeroom teacher or the office may do this.' },
  NOTICE_NOT_FOUND: { ja: 'お知らせが見つかりません。', en: 'Notice not found.' },
  NOTICE_EXPIRED: { ja: 'このお知らせは受付を終了しました。学校へお電話ください。', en: 'This notice is closed. Please phone the school.' },
  NOTICE_ALREADY_ANSWERED: { ja: 'このお知らせにはすでに回答済みです。', en: 'This notice was already answered.' },
  NO_ELIGIBLE_PUPILS: { ja: '送信できる児童がいません(連絡済・登校済・送信済を除きます)。', en: 'No pupils to notify.' },
  // 安否確認
  SAFETY_NOT_FOUND: { ja: '安否確認が見つかりません。', en: 'Safety check not found.' },
  SAFETY_CLOSED: { ja: 'この安否確認は締め切られました。学校へお電話ください。', en: 'This safety check has closed. Please phone the school.' },
  SAFETY_ALREADY_OPEN: { ja: '実施中の安否確認があります。締め切ってから新しく始めてください。', en: 'A safety check is already open. Close it before starting another.' },
  SAFETY_NO_TARGETS: { ja: '対象の児童がいません。対象の学年・学級を確認してください。', en: 'No pupils in the chosen target.' },
  // Roster import, registration codes, accounts
  ROSTER_INVALID: { ja: '名簿ファイルに問題があります。行ごとの内容を確認してください。', en: 'The roster file has problems.' },
  ROSTER_UNANSWERED: { ja: '同じ氏名・ふりがなの児童について、どの児童かを選んでから取り込んでください。', en: 'Say which pupil each namesake row is before applying.' },
  ROSTER_CHANGED: { ja: '確認した内容から変わりました。もう一度確認してください。', en: 'The roster changed since the preview.' },
  YEAR_NOT_FOUND: { ja: 'その年度がありません。', en: 'School year not found.' },
  YEAR_EXISTS: { ja: 'その年度はすでにあります。', en: 'That school year already exists.' },
  YEAR_IN_PAST: { ja: '終わった年度には取り込めません。', en: 'That school year has ended.' },
  CODE_INVALID: { ja: '登録コードが正しくありません。用紙のコードをご確認ください。', en: 'The registration code is not valid.' },
  CODE_EXPIRED: { ja: '登録コードの有効期限が切れています。学校へお問い合わせください。', en: 'The registration code has expired.' },
  CODE_USED: { ja: 'この登録コードはすでに使われています。学校へお問い合わせください。', en: 'The registration code was already used.' },
  CODE_REVOKED: { ja: 'この登録コードは無効になりました。新しい用紙をお使いください。', en: 'The registration code was revoked.' },
  ALREADY_LINKED: { ja: 'このお子さまはすでに登録されています。', en: 'This child is already linked.' },
  LOGIN_ID_TAKEN: { ja: 'このログインIDはすでに使われています。別のIDにしてください。', en: 'That login ID is taken.' },
  PASSWORD_WRONG: { ja: '現在のパスワードが違います。', en: 'The current password is wrong.' },
  RESET_CODE_INVALID: { ja: '再設定コードが正しくないか、期限切れです。', en: 'The reset code is invalid or expired.' },
  CANNOT_DISABLE_SELF: { ja: '自分のアカウントは無効にできません。', en: 'You cannot disable your own account.' },
  CODE_EXISTS: { ja: 'その記号の出欠の区分はすでにあります。', en: 'That attendance code already exists.' },
  // Calendar, register, guidance
  CODE_NOT_FOUND: { ja: '出欠の区分に誤りがあります。', en: 'Unknown attendance code.' },
  SUSPENSION_INCOMPLETE: { ja: '出席停止の期間を決めるには、日付が足りません。', en: 'More dates are needed to compute the suspension.' },
  CLOSURE_TARGET_REQUIRED: { ja: '閉鎖する学級か学年を選んでください。', en: 'Choose a class or a grade to close.' },
  // First run and city administration
  SETUP_LINK_INVALID: { ja: 'このセットアップ用リンクは無効です。サーバーの起動時に表示された最新のリンクを開いてください。', en: 'This setup link is not valid. Open the latest link the server printed at start.' },
  SETUP_LINK_USED: { ja: 'このセットアップ用リンクはすでに使われました。管理者のIDでログインしてください。', en: 'This setup link was already used. Log in with the administrator account.' },
  SETUP_LINK_EXPIRED: { ja: 'このセットアップ用リンクは期限切れです(24時間)。サーバーを再起動すると新しいリンクが表示されます。', en: 'This setup link has expired (24 hours). Restart the server for a new link.' },
  SETUP_DONE: { ja: '初期設定はすでに完了しています。管理者のIDでログインしてください。', en: 'Setup is already complete. Log in with the administrator account.' },
  // Surveys (アンケート)
  SURVEY_NOT_FOUND: { ja: 'アンケートが見つかりません。', en: 'Survey not found.' },
  SURVEY_CLOSED: { ja: 'このアンケートは締め切りました。回答・変更はできません。', en: 'This survey is closed: answers can no longer be given or changed.' },
  SURVEY_ANSWER_INVALID: { ja: '回答に誤りがあります。各設問をご確認ください。', en: 'Some answers are not valid.' },
  SURVEY_PUBLISHED: { ja: '公開したアンケートの設問は変更できません。', en: 'A published survey cannot be edited.' },
  SURVEY_NOT_OPEN: { ja: '受付中のアンケートではありません。', en: 'The survey is not open.' },
  SURVEY_NO_PUPILS: { ja: '対象の児童がいません。対象を選び直してください。', en: 'The target has no pupils.' },
  SURVEY_DEADLINE_PASSED: { ja: '締切が過ぎています。締切を先の日時にしてください。', en: 'The deadline has passed.' },
  SCHOOL_CODE_TAKEN: { ja: 'この学校コードはすでに登録されています。', en: 'That school code is already registered.' },
} as const satisfies Record<string, { ja: string; en: string }>

export type ErrorCode = keyof typeof ERROR_MESSAGES
export const ErrorCode = z.enum(Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]])

/** The one error shape for acks and HTTP bodies. `message` is Japanese and safe to show. */
export const ErrorBody = z.object({
  ok: z.literal(false),
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** Field-level problems for forms, keyed by dotted path. */
    fields: z.record(z.string(), z.string()).optional(),
    /** The request's id (also the X-Request-Id header), to find it in the server's log. */
    requestId: z.string().optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBody>

/** Builds the error body for a code, with the Japanese message unless one is given. */
export function errorBody(code: ErrorCode, message?: string, fields?: Record<string, string>): ErrorBody {
  return { ok: false, error: { code, message: message ?? ERROR_MESSAGES[code].ja, ...(fields ? { fields } : {}) } }
}
