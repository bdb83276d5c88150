// Stack traces in the logs point at the TypeScript sources the build maps back to. Node reads
// the maps of modules loaded after this call, so the server is imported after it, not before.
process.setSourceMapsEnabled(true)

/** `npm start` (through server/build/run.mjs, which builds first when needed): the bundled server. */
const { main } = await import('./main.js')
await main()

export {}
