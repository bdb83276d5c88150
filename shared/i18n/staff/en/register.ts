import type { register as ja } from '../ja/register.js'

export const register: Record<keyof typeof ja, string> = {
}
