/** The words of the staff pages' board area (ICU MessageFormat); `en/board.ts` has the same keys in English. */
export const board = {
}
