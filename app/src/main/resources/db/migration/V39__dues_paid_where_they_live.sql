-- F5 (中组发〔2008〕3号 第九条): a 流动党员 holding a 《流动党员活动证》 may pay where they live; the home branch records
-- what the organization there collected, naming it as the payer.
alter table dues_entry drop constraint dues_entry_payer_check;
alter table dues_entry add constraint dues_entry_payer_check
    check (payer in ('SELF', 'RELATIVE', 'MEMBER', 'WHERE_THEY_LIVE'));
