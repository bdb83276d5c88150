-- The language a guardian reads the page, notices and e-mails in (shared/i18n/languages.ts
-- lists them; checked at the boundary). Null until the guardian's first visit offers one.
alter table guardian add column language text;
-- The language the guardian wrote a report's free text in, for the label staff see beside it.
alter table guardian_report add column language text;
