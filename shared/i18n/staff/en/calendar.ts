import type { calendar as ja } from '../ja/calendar.js'

export const calendar: Record<keyof typeof ja, string> = {
}
