import type { StaffRole } from '../../shared/protocol/index.js'
import { BOY_NAMES, FAMILY_NAMES, GIRL_NAMES, MEN_NAMES, WOMEN_NAMES, type KanaName } from './names.js'
import type { Random } from './random.js'

/**
 * Who is in the demo school, planned in memory before anything is written, so the plan is
 * pure and the same seed always gives the same school.
 */

export const GRADES = [1, 2, 3, 4, 5, 6] as const
export const CLASS_NOS = [1, 2] as const

export interface PlannedPupil {
  grade: number
  classNo: number
  family: number
  familyName: string
  familyKana: string
  givenName: string
  givenKana: string
  attendanceNumber: number
}

export interface PlannedGuardian {
  family: number
  loginId: string
  familyName: string
  givenName: string
  relationship: '母' | '父'
  phone: string
  email: string | null
}

export interface PeoplePlan {
  pupils: PlannedPupil[]
  guardians: PlannedGuardian[]
}

// Siblings are common at a neighbourhood school: with these numbers about half the pupils
// share the school with a brother or sister, and ~220 families remain.
const PAIR_FAMILIES = 70
const TRIPLE_FAMILIES = 14
const SECOND_GUARDIAN_RATE = 0.05

const collator = new Intl.Collator('ja')

/** Children (as class seats) grouped into families, then named, numbered and given guardians. */
export function planPeople(rnd: Random): PeoplePlan {
  // Seats per grade, e.g. grade 3 → [1,1,…,2,2,…] shuffled; a family takes one seat per child.
  const seats = new Map<number, number[]>()
  for (const grade of GRADES) {
    seats.set(grade, rnd.shuffle(CLASS_NOS.flatMap((c) => Array<number>(rnd.int(25, 27)).fill(c))))
  }
  const take = (grade: number, classNo?: number): { grade: number; classNo: number } => {
    const list = seats.get(grade)!
    const i = classNo === undefined ? list.length - 1 : list.lastIndexOf(classNo)
    const [c] = list.splice(i, 1)
    return { grade, classNo: c! }
  }
  const gradesWithSeats = () => GRADES.filter((g) => seats.get(g)!.length > 0)

  // The two families the printed guardian logins belong to come first, so they get
  // hogosha1 (a 1年1組 child and an older sibling in 4年) and hogosha2 (one 1年1組 child).
  const families: { grade: number; classNo: number }[][] = [[take(1, 1), take(4)], [take(1, 1)]]
  const siblings: number[] = [...Array<number>(TRIPLE_FAMILIES).fill(3), ...Array<number>(PAIR_FAMILIES).fill(2)]
  const rest: { grade: number; classNo: number }[][] = []
  for (const size of siblings) {
    const grades = rnd.shuffle(gradesWithSeats()).slice(0, size)
    rest.push(grades.sort((a, b) => a - b).map((g) => take(g)))
  }
  for (const grade of GRADES) while (seats.get(grade)!.length > 0) rest.push([take(grade)])
  families.push(...rnd.shuffle(rest))

  const pupils: PlannedPupil[] = []
  const fullNames = new Set<string>()
  // Two 佐藤 in a class is normal; four looks made up, so a surname is drawn again when full.
  const surnamesInClass = new Map<string, number>()
  const inClass = (seat: { grade: number; classNo: number }, name: KanaName) => `${seat.grade}-${seat.classNo}-${name.kanji}`
  families.forEach((children, family) => {
    let surname: KanaName
    let tries = 0
    do surname = rnd.pick(FAMILY_NAMES)
    while (tries++ < 20 && children.some((seat) => (surnamesInClass.get(inClass(seat, surname)) ?? 0) >= 2))
    for (const seat of children) surnamesInClass.set(inClass(seat, surname), (surnamesInClass.get(inClass(seat, surname)) ?? 0) + 1)
    const given = new Set<string>()
    for (const seat of children) {
      let name: KanaName
      do name = rnd.pick(rnd.chance(0.5) ? BOY_NAMES : GIRL_NAMES)
      while (given.has(name.kana) || fullNames.has(`${seat.grade}-${surname.kanji}${name.kanji}`))
      given.add(name.kana)
      fullNames.add(`${seat.grade}-${surname.kanji}${name.kanji}`)
      pupils.push({
        ...seat, family, familyName: surname.kanji, familyKana: surname.kana,
        givenName: name.kanji, givenKana: name.kana, attendanceNumber: 0,
      })
    }
  })
  numberByKana(pupils)

  const guardians: PlannedGuardian[] = []
  families.forEach((_, family) => {
    const surname = pupils.find((p) => p.family === family)!.familyName
    const mother = rnd.chance(0.85)
    const parents: ('母' | '父')[] = [mother ? '母' : '父']
    // The printed demo families keep one account each, so their login numbers stay 1 and 2.
    if (family > 1 && rnd.chance(SECOND_GUARDIAN_RATE)) parents.push(mother ? '父' : '母')
    for (const relationship of parents) {
      const n = guardians.length + 1
      guardians.push({
        family, loginId: `hogosha${n}`, familyName: surname,
        givenName: rnd.pick(relationship === '母' ? WOMEN_NAMES : MEN_NAMES), relationship,
        // The 090-0000 block keeps a demo from ever ringing a real phone.
        phone: `090-0000-${String(n).padStart(4, '0')}`,
        email: rnd.chance(0.5) ? `hogosha${n}@example.com` : null,
      })
    }
  })
  return { pupils, guardians }
}

/** Attendance numbers 1..n per class in 五十音順 of family then given name, as Japanese class lists are. */
function numberByKana(pupils: PlannedPupil[]): void {
  for (const grade of GRADES) {
    for (const classNo of CLASS_NOS) {
      const members = pupils.filter((p) => p.grade === grade && p.classNo === classNo)
      members.sort((a, b) => collator.compare(a.familyKana, b.familyKana) || collator.compare(a.givenKana, b.givenKana) || collator.compare(a.givenName, b.givenName))
      members.forEach((p, i) => (p.attendanceNumber = i + 1))
    }
  }
}

export interface PlannedStaff {
  title: string
  loginId: string
  roles: StaffRole[]
  familyName: string
  givenName: string
  homeroom?: { grade: number; classNo: number }
}

/** A school of ~310 pupils: 校長, 教頭, 12 担任, 専科 and other teachers, 養護教諭, support staff, 事務. */
const STAFF_POSTS: Omit<PlannedStaff, 'familyName' | 'givenName'>[] = [
  { title: '校長', loginId: 'kocho', roles: ['principal'] },
  { title: '教頭', loginId: 'kyoto', roles: ['vice_principal'] },
  { title: '教務主任', loginId: 'kyomu', roles: ['teacher'] },
  ...GRADES.flatMap((grade) => CLASS_NOS.map((classNo) => ({
    title: `${grade}年${classNo}組 担任`, loginId: `t-${grade}-${classNo}`, roles: ['teacher'] as StaffRole[], homeroom: { grade, classNo },
  }))),
  { title: '音楽専科', loginId: 'ongaku', roles: ['teacher'] },
  { title: '理科専科', loginId: 'rika', roles: ['teacher'] },
  { title: '図工専科', loginId: 'zuko', roles: ['teacher'] },
  { title: '外国語専科', loginId: 'gaikokugo', roles: ['teacher'] },
  { title: '少人数指導', loginId: 'shoninzu', roles: ['teacher'] },
  { title: '初任者指導', loginId: 'shoninsha', roles: ['teacher'] },
  { title: '特別支援教育コーディネーター', loginId: 'tokushi', roles: ['teacher'] },
  { title: '栄養教諭', loginId: 'eiyo', roles: ['teacher'] },
  { title: '養護教諭', loginId: 'yogo', roles: ['nurse'] },
  { title: 'スクールサポートスタッフ', loginId: 'ssp1', roles: ['support'] },
  { title: 'スクールサポートスタッフ', loginId: 'ssp2', roles: ['support'] },
  { title: '特別支援教育支援員', loginId: 'shien1', roles: ['support'] },
  { title: '特別支援教育支援員', loginId: 'shien2', roles: ['support'] },
  { title: '学校司書', loginId: 'shisho', roles: ['support'] },
  { title: '用務員', loginId: 'yomu', roles: ['support'] },
  { title: '事務', loginId: 'admin', roles: ['admin'] },
  { title: '事務補助', loginId: 'jimu', roles: ['support'] },
]

/** Staff with distinct family names: the board shows who acknowledged a report by family name only. */
export function planStaff(rnd: Random): PlannedStaff[] {
  const surnames = rnd.shuffle(FAMILY_NAMES)
  return STAFF_POSTS.map((post, i) => ({
    ...post,
    familyName: surnames[i]!.kanji,
    // 養護教諭 are almost always women in Japan; elsewhere a mix.
    givenName: rnd.pick(post.roles.includes('nurse') || rnd.chance(0.6) ? WOMEN_NAMES : MEN_NAMES),
  }))
}
