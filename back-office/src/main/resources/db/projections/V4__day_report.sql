-- The day report's cash movements: those completed in a day, without reading every completed one there was.
create index transfers_by_state_time on transfers (state, updated_at);
