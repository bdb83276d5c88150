import type { teacher as ja } from '../ja/teacher.js'

export const teacher: Record<keyof typeof ja, string> = {
}
