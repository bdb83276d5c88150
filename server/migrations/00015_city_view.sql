-- The board of education's live view: the share of a class away (欠席 + 出席停止・忌引等) at
-- which the city is alerted that 学級閉鎖 may be needed. Per organisation; 20 % by default.
alter table organisation add column absence_alert_percent smallint not null default 20
  check (absence_alert_percent between 1 and 100);

