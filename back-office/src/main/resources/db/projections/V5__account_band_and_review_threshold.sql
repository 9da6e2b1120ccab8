-- An account's own price band and review threshold (RiskLimits.priceBandBps and reviewThresholdBps, wire schema 7),
-- in basis points; 0 means the account has none of its own (the instrument's band, the installation's threshold).
-- Accounts projected before these columns existed read as having none until their limits change again.
alter table account_controls add column price_band_bps int default 0 not null;
alter table account_controls add column review_threshold_bps int default 0 not null;
