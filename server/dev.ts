import { main } from './main.js'

/** `npm run dev`: the server with the pages served live by Vite (no build step). */
await main({ dev: true })
