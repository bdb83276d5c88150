/** The words of the staff pages' admin area (ICU MessageFormat); `en/admin.ts` has the same keys in English. */
export const admin = {
}
