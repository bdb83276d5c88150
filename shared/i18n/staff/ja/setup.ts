/** The words of the staff pages' setup area (ICU MessageFormat); `en/setup.ts` has the same keys in English. */
export const setup = {
}
