import { describe, expect, it } from 'vitest'
import { SURVEY_TEMPLATES } from '../../../shared/domain/surveyTemplates.js'
import { surveys } from '../../../shared/i18n/staff/ja/surveys.js'

// The builder names the templates from the catalogue: in Japanese it must still say their own names.
describe('the survey builder in Japanese', () => {
  it('names every template as shared/domain does', () => {
    const catalogue: Record<string, string> = { interview: surveys.templateInterview, event: surveys.templateEvent, health: surveys.templateHealth, handover: surveys.templateHandover }
    expect(Object.fromEntries(SURVEY_TEMPLATES.map((s) => [s.key, catalogue[s.key]]))).toEqual(Object.fromEntries(SURVEY_TEMPLATES.map((s) => [s.key, s.name])))
  })
})
