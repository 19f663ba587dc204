-- The first pairing start bounds the periods a dashboard or report may be asked for: read from
-- the first entry of this index rather than a scan of every pairing.
create index pairing_started_on on pairing (started_on);
