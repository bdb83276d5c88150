import { get, post } from './route.js'
import { Created } from './routesStaff.js'
import { CitySchools, CreateCitySchoolRequest, SetupCheckRequest, SetupCheckResponse, SetupRequest, SetupResponse } from './setup.js'

/** The first start (with the one-time link; no login exists yet). */
export const setupRoutes = {
  check: post('/api/setup/check', { body: SetupCheckRequest, response: SetupCheckResponse, public: true }),
  complete: post('/api/setup', { body: SetupRequest, response: SetupResponse, status: 201, public: true }),
}

/** A city administrator's schools. */
export const cityRoutes = {
  schools: get('/api/city/schools', { response: CitySchools }),
  createSchool: post('/api/city/schools', { body: CreateCitySchoolRequest, response: Created, status: 201 }),
}
