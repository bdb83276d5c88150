-- Asagao keeps Japan time (shared/time/zone.ts): the per-school zone was never honoured and is no longer read.
alter table school drop column time_zone;
