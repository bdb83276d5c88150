import type { GuardianLanguage } from '../languages.js'

/**
 * The school's words, one set per language, so every message says 欠席 the same way. Messages
 * use them as arguments (`{termAbsent}`); the formatter supplies them. The `…Explained` terms
 * carry the Japanese word and what it means, for where a family meets it the first time.
 */
export interface Glossary {
  termAbsent: string
  termLate: string
  termEarlyLeave: string
  termSuspension: string
  termSuspensionExplained: string
  termClassClosure: string
  termClassClosureExplained: string
  termAcknowledged: string
}

export const GLOSSARY: Record<GuardianLanguage, Glossary> = {
  ja: {
    termAbsent: '欠席',
    termLate: '遅刻',
    termEarlyLeave: '早退',
    termSuspension: '出席停止',
    termSuspensionExplained: '出席停止(感染症などで登校を控える日。欠席には数えません)',
    termClassClosure: '学級閉鎖',
    termClassClosureExplained: '学級閉鎖(感染症などでクラスがお休みになること)',
    termAcknowledged: '確認済',
  },
  'ja-easy': {
    termAbsent: '欠席(けっせき)',
    termLate: '遅刻(ちこく)',
    termEarlyLeave: '早退(そうたい)',
    termSuspension: '出席停止(しゅっせきていし)',
    termSuspensionExplained: '出席停止(しゅっせきていし・病気が うつらないように 学校を 休む 日。休んだ 日に 数えません)',
    termClassClosure: '学級閉鎖(がっきゅうへいさ)',
    termClassClosureExplained: '学級閉鎖(がっきゅうへいさ・病気で クラスが お休みに なる こと)',
    termAcknowledged: '確認済(かくにんずみ)',
  },
  en: {
    termAbsent: 'Absent',
    termLate: 'Late',
    termEarlyLeave: 'Leaving early',
    termSuspension: 'Suspension of attendance',
    termSuspensionExplained: 'Suspension of attendance (出席停止: days kept home so an illness does not spread; not counted as absence)',
    termClassClosure: 'Class closure',
    termClassClosureExplained: 'Class closure (学級閉鎖: the class is closed, usually because of an illness)',
    termAcknowledged: 'Seen by school',
  },
  'zh-Hans': {
    termAbsent: '缺席',
    termLate: '迟到',
    termEarlyLeave: '早退',
    termSuspension: '停止出勤',
    termSuspensionExplained: '停止出勤(出席停止:为防止传染病扩散而在家休息的日子,不计为缺席)',
    termClassClosure: '班级停课',
    termClassClosureExplained: '班级停课(学級閉鎖:因传染病等原因全班停课)',
    termAcknowledged: '学校已确认',
  },
  vi: {
    termAbsent: 'Nghỉ học',
    termLate: 'Đi học muộn',
    termEarlyLeave: 'Về sớm',
    termSuspension: 'Tạm dừng đến trường',
    termSuspensionExplained: 'Tạm dừng đến trường (出席停止: nghỉ ở nhà để bệnh không lây; không tính là nghỉ học)',
    termClassClosure: 'Đóng cửa lớp',
    termClassClosureExplained: 'Đóng cửa lớp (学級閉鎖: cả lớp nghỉ, thường do dịch bệnh)',
    termAcknowledged: 'Trường đã xem',
  },
  'pt-BR': {
    termAbsent: 'Falta',
    termLate: 'Atraso',
    termEarlyLeave: 'Saída antecipada',
    termSuspension: 'Afastamento escolar',
    termSuspensionExplained: 'Afastamento escolar (出席停止: dias em casa para a doença não se espalhar; não conta como falta)',
    termClassClosure: 'Fechamento da turma',
    termClassClosureExplained: 'Fechamento da turma (学級閉鎖: a turma fica sem aulas, em geral por causa de uma doença)',
    termAcknowledged: 'Visto pela escola',
  },
  fil: {
    termAbsent: 'Liban',
    termLate: 'Huli sa pagpasok',
    termEarlyLeave: 'Maagang pag-uwi',
    termSuspension: 'Pansamantalang hindi pagpasok',
    termSuspensionExplained: 'Pansamantalang hindi pagpasok (出席停止: mga araw sa bahay para hindi kumalat ang sakit; hindi binibilang na liban)',
    termClassClosure: 'Pagsasara ng klase',
    termClassClosureExplained: 'Pagsasara ng klase (学級閉鎖: walang pasok ang buong klase, kadalasan dahil sa sakit)',
    termAcknowledged: 'Nakita na ng paaralan',
  },
  ne: {
    termAbsent: 'अनुपस्थित',
    termLate: 'ढिलो आगमन',
    termEarlyLeave: 'चाँडै घर फर्किने',
    termSuspension: 'उपस्थिति रोक',
    termSuspensionExplained: 'उपस्थिति रोक (出席停止: रोग नफैलियोस् भनेर घरमै बस्ने दिन; अनुपस्थितिमा गनिँदैन)',
    termClassClosure: 'कक्षा बन्द',
    termClassClosureExplained: 'कक्षा बन्द (学級閉鎖: प्रायः रोगका कारण पूरै कक्षा बिदा हुने)',
    termAcknowledged: 'विद्यालयले हेर्यो',
  },
  ko: {
    termAbsent: '결석',
    termLate: '지각',
    termEarlyLeave: '조퇴',
    termSuspension: '출석 정지',
    termSuspensionExplained: '출석 정지(出席停止: 감염병이 퍼지지 않도록 집에서 쉬는 날. 결석으로 세지 않습니다)',
    termClassClosure: '학급 폐쇄',
    termClassClosureExplained: '학급 폐쇄(学級閉鎖: 감염병 등으로 반 전체가 쉬는 것)',
    termAcknowledged: '학교 확인 완료',
  },
}
