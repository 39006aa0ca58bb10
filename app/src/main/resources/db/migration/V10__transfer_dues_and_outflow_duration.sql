-- The 介绍信 states the month up to which dues are paid (entered by the sending branch until the dues module keeps
-- them); an outflow states how long the member expects to be away.
alter table member_transfer add column dues_paid_until text;   -- yyyy-MM
alter table floating_outflow add column expected_months int;
