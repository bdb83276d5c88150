import type { surveys as ja } from '../ja/surveys.js'

export const surveys: Record<keyof typeof ja, string> = {
}
