// @ts-check
import { createServer } from 'node:http'
import { Server } from 'socket.io'

/**
 * The baseline of `npm run bench:storm`: a bare Socket.IO server process with no database,
 * no authentication and no adapter, answering `day:snapshot` with a fixed day of the same
 * size as the product's. It measures what reconnecting this many sockets costs by itself.
 * Plain JavaScript, as the product's compiled server: neither side compiles anything at start.
 */
const port = Number(process.env.PORT)
const snapshot = JSON.parse(process.env.STORM_BARE_SNAPSHOT ?? '{}')
const http = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    return
  }
  res.writeHead(404).end()
})
const io = new Server(http, { serveClient: false, pingInterval: 15_000, pingTimeout: 10_000 })
io.on('connection', (socket) => {
  socket.on('day:snapshot', (/** @type {unknown} */ _payload, /** @type {(res: unknown) => void} */ ack) => ack({ ok: true, snapshot }))
})
http.listen(port, '127.0.0.1', () => console.log(`bare Socket.IO on ${port}`))
