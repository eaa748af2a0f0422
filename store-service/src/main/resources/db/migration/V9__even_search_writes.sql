-- Even write latency (issue #16). A GIN index keeps new entries in a pending list and merges the list into its tree
-- when it outgrows gin_pending_list_limit (4 MB by default), inside whichever insert crosses the limit (or at
-- vacuum). An article's search vector adds a few hundred entries, so with 4 MB about one store batch in a few hundred
-- paid for merging everyone's: 195-310 ms, where the others took 1-5 ms (./khabar search-index-writes, the search
-- vectors of 12,000 stored articles, 3 or 20 per transaction; docs/benchmarks.md, #16), which was store's p99 at 50
-- articles/s. With 512 kB the merges are eight times as frequent and one transaction in a thousand took 42-84 ms;
-- inserting took 0.0-0.1 ms more per article and wrote 1.5 times the WAL. (fastupdate off, every insert into the
-- tree: twice the time, four times the WAL.)
ALTER INDEX article_search SET (gin_pending_list_limit = 512);
ALTER INDEX entity_alias_words SET (gin_pending_list_limit = 512);
