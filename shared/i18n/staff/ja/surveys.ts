/** The words of the staff pages' surveys area (ICU MessageFormat); `en/surveys.ts` has the same keys in English. */
export const surveys = {
}
