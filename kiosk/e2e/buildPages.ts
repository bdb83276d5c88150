import { buildStale } from '../../server/build/build.mjs'

/** Builds the pages once before the journeys, unless the build on disk is current. */
export default async function setup() {
  await buildStale(['pages'])
}
