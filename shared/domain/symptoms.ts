/**
 * The symptoms a guardian can tick on the report form. The Japanese value is what the school
 * (and, counted, the city) receives whatever the page's language; `key` names the guardian
 * catalogue's message for the chip.
 */
export const SYMPTOMS = [
  { value: '発熱', key: 'symptomFever' },
  { value: 'せき', key: 'symptomCough' },
  { value: '鼻水', key: 'symptomRunnyNose' },
  { value: 'のどの痛み', key: 'symptomSoreThroat' },
  { value: '頭痛', key: 'symptomHeadache' },
  { value: '腹痛', key: 'symptomStomachAche' },
  { value: '吐き気', key: 'symptomNausea' },
  { value: '下痢', key: 'symptomDiarrhoea' },
] as const

export const SYMPTOM_VALUES: readonly string[] = SYMPTOMS.map((s) => s.value)
