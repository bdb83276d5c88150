/** The words of the staff pages' teacher area (ICU MessageFormat); `en/teacher.ts` has the same keys in English. */
export const teacher = {
}
