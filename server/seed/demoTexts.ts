import type { Random } from './random.js'

/**
 * What guardians write in the demo: the reason they pick, the symptoms they tick, the
 * temperature and a short message in the tone parents use with a school. Reason labels are
 * the default reasons every school starts with (shared/domain/defaultCodes.ts).
 */
export interface ReportText {
  reason: string
  message: string
  symptoms: string[]
  temperature: number | null
}

/** Reasons for a one-off absence, weighted by how often schools see them. */
export const ABSENCE_REASONS: readonly (readonly [string, number])[] = [
  ['発熱', 30], ['かぜ症状', 26], ['腹痛', 10], ['頭痛', 7], ['通院', 9], ['家庭の事情', 7], ['けが', 3], ['その他', 4],
]

const ABSENCE_MESSAGES: Record<string, string[]> = {
  発熱: ['朝から熱があり、様子を見ます。', '昨夜から38度台の熱があるため、お休みします。', '熱があるので、病院に行ってきます。', '朝の検温で熱があったため、お休みします。'],
  かぜ症状: ['せきと鼻水がひどいので、大事をとってお休みします。', 'のどが痛いと言っているため、お休みします。', 'かぜ気味のため、今日はお休みします。'],
  腹痛: ['夜中に吐いてしまったので、今日はお休みします。', 'おなかの調子が悪いため、お休みします。'],
  頭痛: ['朝から頭が痛いと言っているため、お休みします。', '頭痛がおさまらないので、お休みします。'],
  通院: ['定期受診のため、お休みします。', '大学病院の検査のため、お休みします。'],
  家庭の事情: ['家庭の事情により、お休みします。', '親戚の法事のため、お休みします。'],
  けが: ['昨日転んで足首をひねったため、病院で診てもらいます。', '腕を痛めたため、整形外科を受診します。'],
  その他: ['本人の体調がすぐれないため、お休みします。', '朝になると体調が悪くなり、今日は登校が難しいです。'],
}

const CONTINUING_MESSAGES: Record<string, string[]> = {
  発熱: ['熱が下がらないため、今日もお休みします。', 'まだ微熱があるので、もう一日お休みします。'],
  かぜ症状: ['せきが続いているため、今日もお休みします。', 'まだ本調子ではないので、もう一日休ませます。'],
  頭痛: ['朝起きられず、頭痛を訴えています。今日もお休みします。', '今日も頭が痛いと言っているため、お休みします。'],
  その他: ['今日も体調がすぐれないため、お休みします。', '朝は登校するつもりでしたが、今日も難しそうです。'],
}

/** A one-day (or first-day) absence. `continuing` is the second and later morning of an illness. */
export function absenceText(rnd: Random, reason: string, continuing = false): ReportText {
  const list = (continuing ? CONTINUING_MESSAGES[reason] : undefined) ?? ABSENCE_MESSAGES[reason] ?? ABSENCE_MESSAGES['その他']!
  // Many parents leave the message empty: the reason says enough.
  const message = rnd.chance(0.15) ? '' : rnd.pick(list)
  return { reason, message, ...symptomsFor(rnd, reason) }
}

function symptomsFor(rnd: Random, reason: string): { symptoms: string[]; temperature: number | null } {
  const temp = (lo: number, hi: number) => Math.round((lo + rnd.next() * (hi - lo)) * 10) / 10
  switch (reason) {
    case '発熱':
      return { symptoms: rnd.chance(0.5) ? ['発熱', rnd.pick(['せき', 'だるさ', 'のどの痛み'])] : ['発熱'], temperature: temp(37.6, 39.4) }
    case 'かぜ症状':
      return { symptoms: rnd.shuffle(['せき', '鼻水', 'のどの痛み']).slice(0, rnd.int(1, 2)), temperature: rnd.chance(0.5) ? temp(37.0, 37.5) : null }
    case '腹痛':
      return { symptoms: rnd.chance(0.5) ? ['腹痛', rnd.pick(['はき気', '下痢'])] : ['腹痛'], temperature: null }
    case '頭痛':
      return { symptoms: ['頭痛'], temperature: null }
    case 'インフルエンザ':
      return { symptoms: ['発熱', 'せき'], temperature: temp(38.5, 39.8) }
    case '新型コロナ':
      return { symptoms: ['発熱', 'のどの痛み'], temperature: temp(37.8, 39.0) }
    default:
      return { symptoms: [], temperature: null }
  }
}

/** 出席停止 for an infection: one report covering the days the doctor said, ending on `until` (M月D日). */
export function suspensionText(rnd: Random, reason: 'インフルエンザ' | '新型コロナ', until: string): ReportText {
  const message = reason === 'インフルエンザ'
    ? `インフルエンザ${rnd.pick(['A', 'B'])}型と診断されました。医師の指示で${until}まで出席停止です。`
    : `新型コロナの陽性でした。${until}までお休みします。`
  return { reason, message, ...symptomsFor(rnd, reason) }
}

export function bereavementText(): ReportText {
  return { reason: '忌引', message: '祖父が亡くなったため、忌引でお休みします。', symptoms: [], temperature: null }
}

/** 遅刻: the expected arrival time and why. */
export function lateText(rnd: Random): ReportText & { time: string } {
  return rnd.weighted<ReportText & { time: string }>([
    [{ reason: '通院', time: '9:40', message: '通院のため2時間目から登校します。', symptoms: [], temperature: null }, 4],
    [{ reason: '通院', time: rnd.pick(['9:30', '10:00', '10:30']), message: '耳鼻科を受診してから登校します。', symptoms: [], temperature: null }, 3],
    [{ reason: '腹痛', time: '9:30', message: '朝、おなかが痛いと言っているので、様子を見てから登校します。', symptoms: ['腹痛'], temperature: null }, 2],
    [{ reason: '頭痛', time: '10:00', message: '頭が痛いと言っているので、落ち着いたら送っていきます。', symptoms: ['頭痛'], temperature: null }, 1],
    [{ reason: '家庭の事情', time: '9:00', message: '家の用事のため、少し遅れて登校します。', symptoms: [], temperature: null }, 2],
  ])
}

/** 早退: the pick-up time and why. */
export function earlyLeaveText(rnd: Random): ReportText & { time: string } {
  const time = rnd.pick(['11:00', '12:00', '13:30', '14:00', '14:30'])
  return rnd.weighted<ReportText & { time: string }>([
    [{ reason: '通院', time, message: `歯科の予約があるため、${time}に迎えに行きます。`, symptoms: [], temperature: null }, 4],
    [{ reason: '通院', time, message: `眼科受診のため、${time}に迎えに行きます。`, symptoms: [], temperature: null }, 2],
    [{ reason: '家庭の事情', time, message: `家庭の用事のため、${time}に迎えに行きます。`, symptoms: [], temperature: null }, 2],
    [{ reason: 'その他', time, message: `習い事の大会の準備のため、${time}に早退させてください。`, symptoms: [], temperature: null }, 1],
  ])
}
