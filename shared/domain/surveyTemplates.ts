import { MARU_BATSU_SANKAKU, type SurveyDraft } from '../protocol/surveys.js'

/** A ready-made survey: the builder fills in its questions; staff choose the target and deadline. */
export interface SurveyTemplate {
  key: string
  name: string
  draft: Pick<SurveyDraft, 'title' | 'description' | 'per' | 'questions'>
}

/** The surveys schools send every year, shipped ready to adapt. */
export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    key: 'interview',
    name: '個人面談の希望日時',
    draft: {
      title: '個人面談の希望日時',
      description: '個人面談の希望日と時間帯をお知らせください。ご希望に添えない場合は担任からご連絡します。',
      per: 'child',
      questions: [
        { id: 'q1', kind: 'date', label: '第1希望日', required: true },
        { id: 'q2', kind: 'single', label: '第1希望の時間帯', required: true, options: ['14:00〜15:00', '15:00〜16:00', '16:00〜17:00', 'いつでもよい'] },
        { id: 'q3', kind: 'date', label: '第2希望日', required: false },
        { id: 'q4', kind: 'text', label: '担任への連絡(兄弟姉妹と続けて希望など)', required: false, maxLength: 200 },
      ],
    },
  },
  {
    key: 'event',
    name: '行事の出欠',
    draft: {
      title: '行事の出欠',
      description: '行事への出欠をお知らせください。',
      per: 'child',
      questions: [
        { id: 'q1', kind: 'single', label: '出欠', required: true, options: [...MARU_BATSU_SANKAKU] },
        { id: 'q2', kind: 'number', label: '参観される保護者の人数', required: false, min: 0, max: 5, unit: '人' },
        { id: 'q3', kind: 'text', label: '連絡事項', required: false, maxLength: 200 },
      ],
    },
  },
  {
    key: 'health',
    name: '健康観察',
    draft: {
      title: '健康観察',
      description: '今朝のお子さまの体調をお知らせください。',
      per: 'child',
      questions: [
        { id: 'q1', kind: 'number', label: '今朝の体温(℃)', required: true, min: 34, max: 42, unit: '℃' },
        { id: 'q2', kind: 'multiple', label: '気になる症状(あてはまるものすべて)', required: false, options: ['せき', '鼻水', 'のどの痛み', '頭痛', '腹痛', 'だるさ'] },
        { id: 'q3', kind: 'single', label: '本日の登校', required: true, options: ['登校します', '欠席します'] },
        { id: 'q4', kind: 'text', label: 'その他', required: false, maxLength: 200 },
      ],
    },
  },
  {
    key: 'handover',
    name: '引き渡し訓練の迎え方',
    draft: {
      title: '引き渡し訓練の迎え方',
      description: '引き渡し訓練でのお迎えについてお知らせください。兄弟姉妹は一度のお迎えで引き渡します。',
      per: 'family',
      questions: [
        { id: 'q1', kind: 'single', label: 'お迎えに来られる方', required: true, options: ['父', '母', '祖父母', 'その他の方'] },
        { id: 'q2', kind: 'single', label: '来校の方法', required: true, options: ['徒歩', '自転車', '自動車'] },
        { id: 'q3', kind: 'text', label: 'その他の方の場合、お名前と続柄', required: false, maxLength: 60 },
      ],
    },
  },
]
