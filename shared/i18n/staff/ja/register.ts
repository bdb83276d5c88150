/** The words of the staff pages' register area (ICU MessageFormat); `en/register.ts` has the same keys in English. */
export const register = {
}
