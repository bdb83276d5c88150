import { formatDateJa } from '../../shared/time/format.js'

/** The school's notice template with its placeholders filled in. */
export interface TemplateValues {
  school: string
  pupil: string
  guardian: string
  date: string
  link: string
}

export function renderTemplate(template: string, v: TemplateValues): string {
  const values: Record<string, string> = {
    学校名: v.school,
    児童名: v.pupil,
    保護者名: v.guardian,
    日付: formatDateJa(v.date),
    リンク: v.link,
  }
  return template.replace(/\{(学校名|児童名|保護者名|日付|リンク)\}/g, (_m, key: string) => values[key] ?? '')
}

/** Where a guardian answers a notice: the guardian page, opened on that notice. */
export function noticeLink(publicUrl: string | null, noticeId: number): string {
  return `${publicUrl ? publicUrl.replace(/\/$/, '') : ''}/guardian/?notice=${noticeId}`
}
