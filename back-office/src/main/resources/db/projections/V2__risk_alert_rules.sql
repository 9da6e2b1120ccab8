-- The surveillance rules that fired for an alert, by name in the engine's order, comma-separated
-- (e.g. 'STRUCTURING,WASH_TRADE'); empty when none did (an alert for the amount or the score alone).
-- Alerts projected before this column existed read as naming no rules.
alter table risk_alerts add column rules varchar(200) default '' not null;
