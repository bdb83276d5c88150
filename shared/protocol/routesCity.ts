import { CityDailyCsvQuery, CityDay, CityDayQuery, CityLongAbsenceCsvQuery, CitySettings } from './city.js'
import { Ok } from './primitives.js'
import { fileDownload, get, put } from './route.js'

const csv = fileDownload('text/csv')

/** The board of education's live view of its schools' day, its exports and its alert threshold. */
export const cityDayRoutes = {
  day: get('/api/city/day', { query: CityDayQuery, response: CityDay }),
  dailyCsv: get('/api/city/daily.csv', { query: CityDailyCsvQuery, response: csv }),
  longAbsenceCsv: get('/api/city/long-absence.csv', { query: CityLongAbsenceCsvQuery, response: csv }),
  settings: put('/api/city/settings', { body: CitySettings, response: Ok }),
}
