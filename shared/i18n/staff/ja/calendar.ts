/** The words of the staff pages' calendar area (ICU MessageFormat); `en/calendar.ts` has the same keys in English. */
export const calendar = {
}
