-- Migration 3: publishing many files in one call, and faster storage of the assessments (docs/region.md,
-- docs/performance.md). `region publish` sends a batch of files in one round trip; each file is still
-- written whole or not at all (its own subtransaction), by publish_submission() as before.

-- Each element of p_files is one file: {"area", "year", "date", "title", "framework_hash",
-- "framework_title", "framework_edition", "content_hash", "source_file", "exported", "assessment",
-- "features", "levels"} (date and exported may be null; features and levels are arrays of the same
-- length, a level null when the feature has none). One row per element, in order: 'published',
-- 'replaced' or 'unchanged' with message NULL, or 'refused' with the database's message, and then
-- nothing of that file was written (the others of the batch are not affected).
CREATE FUNCTION hicm_region.publish_submissions(p_files jsonb)
RETURNS TABLE (ordinal integer, status text, message text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hicm_region, pg_temp
AS $$
DECLARE
    f jsonb;
BEGIN
    IF jsonb_typeof(p_files) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'publish_submissions takes a JSON array of files' USING ERRCODE = '22023';
    END IF;
    FOR f, ordinal IN SELECT e, n::integer FROM jsonb_array_elements(p_files) WITH ORDINALITY AS a (e, n) LOOP
        message := NULL;
        BEGIN
            IF jsonb_typeof(f->'features') IS DISTINCT FROM 'array'
               OR jsonb_typeof(f->'levels') IS DISTINCT FROM 'array' THEN
                RAISE EXCEPTION 'a file needs its features and levels as arrays' USING ERRCODE = '22023';
            END IF;
            status := publish_submission(
                f->>'area', (f->>'year')::integer, (f->>'date')::date, coalesce(f->>'title', ''),
                f->>'framework_hash', f->>'framework_title', f->>'framework_edition',
                f->>'content_hash', f->>'source_file', (f->>'exported')::timestamptz, f->'assessment',
                ARRAY(SELECT x FROM jsonb_array_elements_text(f->'features') WITH ORDINALITY AS t (x, i) ORDER BY i),
                ARRAY(SELECT x::smallint FROM jsonb_array_elements_text(f->'levels') WITH ORDINALITY AS t (x, i)
                      ORDER BY i));
        EXCEPTION WHEN OTHERS THEN
            status := 'refused';
            message := SQLERRM;
        END;
        RETURN NEXT;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION hicm_region.publish_submissions FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hicm_region.publish_submissions TO hicm_region_publisher;

-- The stored assessments (about 13 KB of jsonb each) compressed with lz4 instead of pglz when the server
-- has it (PostgreSQL 14 or later built with lz4, as Debian's is): pglz was the largest single cost of
-- publishing on the server. New rows only; rows already stored keep their compression. (EXECUTE: an older
-- server, without the setting, would not parse the statement.)
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        EXECUTE 'ALTER TABLE hicm_region.submission ALTER COLUMN assessment SET COMPRESSION lz4';
    END IF;
END
$$;

-- The size of "all" counted from the distinct areas of the current submissions (every area that has
-- published has one; an index-only scan of submission_one_current), not count(DISTINCT) over every
-- submission, which sorted them all: about 20 ms of an extract at 10,000 submissions, now 4 to 8 ms
-- on a loaded machine. The same columns and the same figures; the grants stay.
CREATE OR REPLACE VIEW hicm_region.peer_group_size WITH (security_barrier) AS
    SELECT g.name AS peer_group, count(m.area)::integer AS areas
    FROM hicm_region.peer_group g LEFT JOIN hicm_region.peer_member m ON m.peer_group = g.name
    GROUP BY g.name
    UNION ALL
    SELECT 'all', (SELECT count(*)::integer
                  FROM (SELECT DISTINCT area FROM hicm_region.submission WHERE replaced_by IS NULL) AS a);
