-- Chinese names are searched by two-character terms (助老, 社区), which trigram indexes cannot
-- serve. The distinct lower-cased bigrams of a name, kept in a generated column with a GIN index,
-- narrow such a search to candidate rows; ILIKE then confirms the substring.
CREATE OR REPLACE FUNCTION name_bigrams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
  FROM generate_series(1, char_length(t) - 1) AS i
$$;
