-- The language of a staff member's pages (city administrators are staff rows too): 日本語 or
-- English, remembered on the account so every device shows it; null until they choose one,
-- and the page follows the browser meanwhile.
alter table staff add column language text check (language in ('ja', 'en'));
