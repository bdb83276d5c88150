import type { guidance as ja } from '../ja/guidance.js'

export const guidance: Record<keyof typeof ja, string> = {
}
