import type { setup as ja } from '../ja/setup.js'

export const setup: Record<keyof typeof ja, string> = {
}
