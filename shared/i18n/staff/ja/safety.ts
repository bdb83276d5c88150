/** The words of the staff pages' safety area (ICU MessageFormat); `en/safety.ts` has the same keys in English. */
export const safety = {
}
