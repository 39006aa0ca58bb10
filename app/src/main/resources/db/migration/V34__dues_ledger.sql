-- 党费 ledger (issue 14, the ledger helper): what V32 leaves to the ledger's own migration.

-- Online payment is posted once per order (a repeated notification finds the entry it already made). An order may
-- carry both months (PAYMENT) and a voluntary extra (EXTRA, F7): one entry of each kind at most; reversals carry
-- the order too, for the refund's trail, and are kept unique by "reverses".
create unique index dues_entry_online_order on dues_entry (online_order, kind)
    where online_order is not null and kind <> 'REVERSAL';

-- F6 (第十二条): who in the branch consented to a back-payment or prepayment recorded by the branch. V32 has no
-- column for it; it is part of the entry as written, so it lives on the entry (null: no consent was needed).
alter table dues_entry add column consent varchar(50);

-- F7 (第十一条): the 中组部's receipt for a voluntary payment that went to the Center, noted when it arrives, never by
-- editing the entry.
create table dues_center_receipt (
    entry_id    bigint primary key references dues_entry (id),
    receipt_no  varchar(64) not null,
    received_on date not null,
    noted_by    text not null,
    noted_at    timestamptz not null default now()
);

-- The ledger is never edited: a correction is a reversing entry. Only a move of the organization may rewrite where an
-- entry belongs (org_path and root_id, as every organization-owned row follows its subtree); every other UPDATE and
-- every DELETE is refused by the database itself, whatever code asks.
create function dues_ledger_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and tg_table_name = 'dues_entry'
            and (to_jsonb(new) - 'org_path' - 'root_id') = (to_jsonb(old) - 'org_path' - 'root_id') then
        return new;
    end if;
    raise exception '党费账目不可修改或删除（%：%），更正须记冲正分录', tg_table_name, tg_op
        using errcode = 'P0001';
end
$$;
create trigger dues_entry_append_only before update or delete on dues_entry
    for each row execute function dues_ledger_append_only();
create trigger dues_allocation_append_only before update or delete on dues_allocation
    for each row execute function dues_ledger_append_only();
create trigger dues_center_receipt_append_only before update or delete on dues_center_receipt
    for each row execute function dues_ledger_append_only();
