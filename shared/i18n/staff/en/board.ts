import type { board as ja } from '../ja/board.js'

export const board: Record<keyof typeof ja, string> = {
}
