-- An account whose password someone else chose (the first administrator's one-time password) must set its own
-- before doing anything else.
alter table app_user add column must_change_password boolean not null default false;
