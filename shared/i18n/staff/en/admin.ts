import type { admin as ja } from '../ja/admin.js'

export const admin: Record<keyof typeof ja, string> = {
}
