/** The words of the staff pages' guidance area (ICU MessageFormat); `en/guidance.ts` has the same keys in English. */
export const guidance = {
}
