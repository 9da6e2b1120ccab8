-- A stop order's trigger after an amendment (Event.OrderReplaced.stopPrice), so an order's history read back from the
-- store names the new stop as the window that heard it did. Null on every other step (read back as 0). A projection
-- file made before this column is projected again from the journal (its Flyway history is not this build's), so its
-- amendments get their stop too.
alter table order_events add column stop_price bigint;
