/** The words of the staff pages' city area (ICU MessageFormat); `en/city.ts` has the same keys in English. */
export const city = {
}
