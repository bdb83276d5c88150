/** Replaced at build time with the hash of the page sources (see kiosk/vite.config.ts). */
declare const __ASAGAO_BUILD_ID__: string
