import type { Disease } from '../../../shared/domain/suspension.js'
import type { register } from '../../../shared/i18n/staff/ja/register.js'
import { t } from './text.js'

/** The diseases' names (DISEASE_RULES has them in Japanese). */
const DISEASE: Record<Disease, keyof typeof register> = {
  influenza: 'diseaseInfluenza', covid19: 'diseaseCovid19', measles: 'diseaseMeasles', mumps: 'diseaseMumps', pharyngoconjunctival: 'diseasePharyngoconjunctival',
  pertussis: 'diseasePertussis', rubella: 'diseaseRubella', chickenpox: 'diseaseChickenpox', other: 'diseaseOther',
}
/** Each disease's rule (DISEASE_RULES has the regulation's Japanese wording). */
const RULE: Record<Disease, keyof typeof register> = {
  influenza: 'ruleInfluenza', covid19: 'ruleCovid19', measles: 'ruleMeasles', mumps: 'ruleMumps', pharyngoconjunctival: 'rulePharyngoconjunctival',
  pertussis: 'rulePertussis', rubella: 'ruleRubella', chickenpox: 'ruleChickenpox', other: 'ruleOther',
}

/** A disease's name in the page's language. */
export const diseaseText = (d: Disease): string => t(DISEASE[d])
/** The regulation's rule for a disease, in the page's language. */
export const ruleText = (d: Disease): string => t(RULE[d])
