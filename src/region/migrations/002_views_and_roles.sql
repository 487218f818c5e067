-- Migration 2: the suppressed views, and the three roles with their grants (docs/region.md).
-- The reader role reads only these views; every figure drawn from fewer than 5 areas comes out NULL with
-- suppressed = true, here in the database, whatever program asks.

-- percentile_cont over levels given as (level, how many areas) pairs, levels in ascending order.
CREATE FUNCTION hicm_region.quantile(levels smallint[], counts bigint[], p double precision)
RETURNS double precision
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    total bigint;
    h double precision;
    lo bigint;
    hi bigint;
    cum bigint := 0;
    vlo double precision;
    vhi double precision;
BEGIN
    SELECT sum(c) INTO total FROM unnest(counts) AS c;
    IF total IS NULL OR total = 0 THEN
        RETURN NULL;
    END IF;
    h := (total - 1) * p;
    lo := floor(h);
    hi := ceil(h);
    FOR i IN 1 .. cardinality(levels) LOOP
        IF vlo IS NULL AND lo < cum + counts[i] THEN vlo := levels[i]; END IF;
        IF vhi IS NULL AND hi < cum + counts[i] THEN vhi := levels[i]; END IF;
        cum := cum + counts[i];
    END LOOP;
    RETURN vlo + (h - lo) * (vhi - vlo);
END
$$;

-- How many areas of each peer group are at each level, per year and feature ("all": every area).
-- Not granted to anyone: the suppression is applied by peer_distribution below.
CREATE VIEW hicm_region.peer_level_count AS
    SELECT m.peer_group, c.year, c.feature, c.level, count(*) AS n
    FROM hicm_region.peer_member m JOIN hicm_region.current_level c ON c.area = m.area
    GROUP BY m.peer_group, c.year, c.feature, c.level
    UNION ALL
    SELECT 'all', c.year, c.feature, c.level, count(*)
    FROM hicm_region.current_level c
    GROUP BY c.year, c.feature, c.level;

-- The reader's figures: per peer group, year and feature, the number of areas, the count at each level,
-- and the quartiles of the agreed level; all NULL (suppressed = true) when fewer than 5 areas. No
-- minimum or maximum, which would point at one area.
CREATE VIEW hicm_region.peer_distribution WITH (security_barrier) AS
    SELECT peer_group, year, feature,
           sum(n) < 5 AS suppressed,
           CASE WHEN sum(n) >= 5 THEN sum(n)::integer END AS areas,
           CASE WHEN sum(n) >= 5 THEN jsonb_object_agg(level::text, n) END AS level_counts,
           CASE WHEN sum(n) >= 5 THEN hicm_region.quantile(array_agg(level ORDER BY level),
                                                           array_agg(n ORDER BY level), 0.25) END AS lower_quartile,
           CASE WHEN sum(n) >= 5 THEN hicm_region.quantile(array_agg(level ORDER BY level),
                                                           array_agg(n ORDER BY level), 0.5) END AS median,
           CASE WHEN sum(n) >= 5 THEN hicm_region.quantile(array_agg(level ORDER BY level),
                                                           array_agg(n ORDER BY level), 0.75) END AS upper_quartile
    FROM hicm_region.peer_level_count
    GROUP BY peer_group, year, feature;

-- An area's own current levels: to members of hicm_region_analyst every area's, to any other role only
-- the areas area_reader gives it.
CREATE VIEW hicm_region.area_profile WITH (security_barrier) AS
    SELECT c.area, c.year, c.feature, c.level
    FROM hicm_region.current_level c
    WHERE pg_has_role(current_user, 'hicm_region_analyst', 'USAGE')
       OR EXISTS (SELECT 1 FROM hicm_region.area_reader r WHERE r.role_name = current_user AND r.area = c.area);

-- The peer groups and their sizes (not their members); "all" included.
CREATE VIEW hicm_region.peer_group_size WITH (security_barrier) AS
    SELECT g.name AS peer_group, count(m.area)::integer AS areas
    FROM hicm_region.peer_group g LEFT JOIN hicm_region.peer_member m ON m.peer_group = g.name
    GROUP BY g.name
    UNION ALL
    SELECT 'all', count(DISTINCT area)::integer FROM hicm_region.submission;

-- What has been published, per area (no levels): for the analyst's `region list`.
CREATE VIEW hicm_region.published AS
    SELECT area,
           array_agg(DISTINCT year ORDER BY year) FILTER (WHERE replaced_by IS NULL) AS years,
           count(*) FILTER (WHERE replaced_by IS NULL)::integer AS current_submissions,
           count(*) FILTER (WHERE replaced_by IS NOT NULL)::integer AS replaced_submissions,
           max(published_at) AS last_published
    FROM hicm_region.submission
    GROUP BY area;

-- The roles are the cluster's, shared by its databases: created once, and a second database (or a
-- concurrent init) finding them there is fine.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['hicm_region_publisher', 'hicm_region_reader', 'hicm_region_analyst'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', r);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
    IF NOT pg_has_role('hicm_region_analyst', 'hicm_region_reader', 'MEMBER') THEN
        GRANT hicm_region_reader TO hicm_region_analyst;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA hicm_region TO hicm_region_publisher, hicm_region_reader;
GRANT SELECT ON hicm_region.schema_version TO hicm_region_publisher, hicm_region_reader;
GRANT EXECUTE ON FUNCTION hicm_region.publish_submission TO hicm_region_publisher;
GRANT SELECT ON hicm_region.peer_distribution, hicm_region.area_profile, hicm_region.peer_group_size
    TO hicm_region_reader;
GRANT SELECT ON hicm_region.published TO hicm_region_analyst;
GRANT SELECT, INSERT, DELETE ON hicm_region.peer_group, hicm_region.peer_member TO hicm_region_analyst;
