#include "migrations.h"

#include "workspace.h"

#include <SQLiteCpp/Database.h>

namespace hicm::storage::schema {

namespace {

// Version 1: the first released schema (tests/fixtures/workspace-v1.sql builds a workspace of it).
constexpr const char *kV1 = R"SQL(
CREATE TABLE frameworks (
  hash TEXT PRIMARY KEY NOT NULL,
  json TEXT NOT NULL,
  title TEXT NOT NULL,
  edition TEXT NOT NULL,
  added TEXT NOT NULL
);
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  area TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  facilitator TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  framework_hash TEXT NOT NULL REFERENCES frameworks(hash)
);
CREATE TABLE partners (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  organisation TEXT NOT NULL,
  type TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  UNIQUE (assessment_id, organisation)
);
CREATE TABLE feature_scores (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  feature_id TEXT NOT NULL,
  agreed_level INTEGER,
  rationale TEXT NOT NULL DEFAULT '',
  target_level INTEGER,
  confidence TEXT NOT NULL DEFAULT '' CHECK (confidence IN ('', 'low', 'medium', 'high')),
  weight INTEGER NOT NULL DEFAULT 2 CHECK (weight BETWEEN 1 AND 3),
  evidence TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, feature_id)
);
CREATE TABLE partner_levels (
  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  feature_id TEXT NOT NULL,
  level INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (partner_id, feature_id)
);
CREATE TABLE metric_values (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  feature_id TEXT NOT NULL,
  metric_id TEXT NOT NULL,
  value TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  period TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, metric_id)
);
CREATE TABLE planned_actions (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  feature_id TEXT NOT NULL,
  action_id TEXT NOT NULL,
  PRIMARY KEY (assessment_id, action_id)
);
CREATE TABLE actions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  change_id TEXT NOT NULL DEFAULT '',
  feature_id TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  due TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started', 'in-progress', 'done')),
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actions_by_assessment ON actions(assessment_id);
CREATE TABLE change_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  assessment_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  what TEXT NOT NULL,
  from_value TEXT NOT NULL DEFAULT '',
  to_value TEXT NOT NULL DEFAULT ''
);
CREATE INDEX change_log_by_assessment ON change_log(assessment_id, id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
  BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
  BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
)SQL";

// Version 2: an assessment can name the one it reassesses; facilitator overrides of the prioritisation.
constexpr const char *kV2 = R"SQL(
ALTER TABLE assessments ADD COLUMN previous_id INTEGER REFERENCES assessments(id) ON DELETE SET NULL;
CREATE TABLE overrides (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  change_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pin', 'exclude')),
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, change_id)
);
)SQL";

// Version 3: an action can be dropped, and remembers the action it was carried from at a reassessment;
// the room's own metrics have a name. (The actions table is rebuilt for its new status rule; its ids and
// its AUTOINCREMENT counter are kept.)
constexpr const char *kV3 = R"SQL(
CREATE TABLE actions_v3 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  change_id TEXT NOT NULL DEFAULT '',
  feature_id TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  due TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'not-started' CHECK (status IN ('not-started', 'in-progress', 'done', 'dropped')),
  notes TEXT NOT NULL DEFAULT '',
  carried_from INTEGER
);
INSERT INTO actions_v3 (id, assessment_id, text, change_id, feature_id, owner, due, status, notes)
  SELECT id, assessment_id, text, change_id, feature_id, owner, due, status, notes FROM actions;
INSERT INTO sqlite_sequence (name, seq) SELECT 'actions_v3', 0 WHERE NOT EXISTS
  (SELECT 1 FROM sqlite_sequence WHERE name = 'actions_v3');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'actions'), 0))
  WHERE name = 'actions_v3';
DROP TABLE actions;
ALTER TABLE actions_v3 RENAME TO actions;
CREATE INDEX actions_by_assessment ON actions(assessment_id);
ALTER TABLE metric_values ADD COLUMN name TEXT NOT NULL DEFAULT '';
)SQL";

// Version 4: a burst of typing is one logged edit. The change log stays append-only, except that its
// newest row may take a later value (and time) of the same text, typed on without a pause
// (WriteTxn::logTyping); its id, assessment, field and old value never change, and no row is deleted.
constexpr const char *kV4 = R"SQL(
DROP TRIGGER change_log_no_update;
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
  WHEN OLD.id IS NOT (SELECT max(id) FROM change_log) OR NEW.id IS NOT OLD.id
    OR NEW.assessment_id IS NOT OLD.assessment_id OR NEW.what IS NOT OLD.what OR NEW.from_value IS NOT OLD.from_value
  BEGIN SELECT RAISE(ABORT, 'the change log is append-only (only its newest row may follow a burst of typing)'); END;
)SQL";

// Version 5: the live room's own state per assessment (src/room, docs/room.md): its links' tokens, the
// current feature and the revealed features, as one JSON text, so a room reopened after a crash resumes.
constexpr const char *kV5 = R"SQL(
CREATE TABLE room_state (
  assessment_id INTEGER PRIMARY KEY NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  updated TEXT NOT NULL
);
)SQL";

}  // namespace

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> steps{
        {1, "first schema", kV1},
        {2, "previous assessment and overrides", kV2},
        {3, "dropped and carried actions, the room's own metrics", kV3},
        {4, "a burst of typing is one logged edit", kV4},
        {5, "the live room's state", kV5},
    };
    return steps;
}

void migrate(SQLite::Database &db, int fromVersion)
{
    for (const auto &step : migrations()) {
        if (step.toVersion <= fromVersion)
            continue;
        db.exec(step.sql);
        db.exec("PRAGMA user_version = " + std::to_string(step.toVersion));
    }
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
}

std::vector<std::string> tableNames()
{
    return {"frameworks", "assessments", "partners", "feature_scores", "partner_levels", "metric_values",
            "planned_actions", "actions", "change_log", "overrides", "room_state"};
}

}  // namespace hicm::storage::schema
