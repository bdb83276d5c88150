import type { safety as ja } from '../ja/safety.js'

export const safety: Record<keyof typeof ja, string> = {
}
