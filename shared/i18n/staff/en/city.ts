import type { city as ja } from '../ja/city.js'

export const city: Record<keyof typeof ja, string> = {
}
