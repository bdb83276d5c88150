/**
 * Asagao serves Japanese schools (出席簿, the April–March 年度, 令和): every school keeps Japan
 * time, which has one zone and no daylight saving. School dates and wall-clock times are
 * computed in this zone everywhere, on the server and on the pages.
 */
export const SCHOOL_ZONE = 'Asia/Tokyo'
