import { main } from './main.js'

// Stack traces in the logs point at the TypeScript sources the build maps back to.
process.setSourceMapsEnabled(true)

/** `npm start` (through server/build/run.mjs, which builds first when needed): the compiled server. */
await main()
