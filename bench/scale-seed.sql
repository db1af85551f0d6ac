-- Seeds :users users into a migrated Rekindle database, each with what a user of some weeks has: a profile past
-- the safety screen and in no contact, 90 days of check-ins, urges, a restart for some, milestones, a session,
-- assessment revisions, a chosen phase and stage events for some. Ids are in creation order, as the app's
-- UUIDv7 ids are; the encrypted columns hold placeholders (nothing here is ever decrypted).
-- Usage: psql -v users=100000 -f bench/scale-seed.sql

CREATE TEMP TABLE seed AS
SELECT n, ('00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid AS id
FROM generate_series(1, :users) AS n;

CREATE FUNCTION pg_temp.seed_id(kind int, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
$$ SELECT (lpad(to_hex(kind), 8, '0') || '-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid $$;

INSERT INTO "AspNetUsers" ("Id", "CreatedAt", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
    "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
SELECT id, now() - interval '100 days', 'seed' || n || '@example.test', 'SEED' || n || '@EXAMPLE.TEST', 'seed' || n || '@example.test',
    'SEED' || n || '@EXAMPLE.TEST', false, md5(n::text), md5(n::text), false, false, true, 0
FROM seed;

-- Since schema version 12 the situation and safety answers are encrypted ("AnswersCipher"): a placeholder of about the
-- size of the real ciphertext.
INSERT INTO "Profiles" ("UserId", "TimeZoneId", "CountryCode", "AnswersCipher", "SituationCompletedAt", "SafetyCompletedAt",
    "NoContactStartedOn", "NoContactTargetDays", "UpdatedAt", "Version")
SELECT id, (ARRAY['Europe/London', 'America/New_York', 'Australia/Sydney', 'Etc/UTC'])[1 + n % 4], 'GB', 'placeholder-' || repeat('x', 80),
    now() - interval '95 days', now() - interval '95 days', current_date - 90, (ARRAY[21, 30, 45])[1 + n % 3], now(), 4
FROM seed;

-- Since schema version 11 a check-in's numbers are encrypted too ("NumbersCipher"): a placeholder of about the size
-- of the real ciphertext.
INSERT INTO "CheckIns" ("Id", "UserId", "LocalDate", "NumbersCipher", "WordCipher", "CreatedAt", "UpdatedAt", "Version")
SELECT pg_temp.seed_id(1, n * 90 + d), id, current_date - d, 'placeholder-' || repeat('x', 60), 'placeholder', now() - d * interval '1 day',
    now() - d * interval '1 day', 1
FROM seed CROSS JOIN generate_series(0, 89) AS d;

-- Since schema version 12 an urge's intensity, alternative and outcome are encrypted too ("DetailsCipher").
INSERT INTO "Urges" ("Id", "UserId", "OccurredAt", "LocalDate", "TriggerCipher", "DetailsCipher", "ResolvedAt", "Version")
SELECT pg_temp.seed_id(2, n * 5 + k), id, now() - (k * 9 + n % 9) * interval '1 day', current_date - (k * 9 + n % 9),
    'placeholder', 'placeholder-' || repeat('x', 50), now(), 2
FROM seed CROSS JOIN generate_series(0, 4) AS k;

-- Every third user had contact that restarted the count.
INSERT INTO "Contacts" ("Id", "UserId", "OccurredAt", "LocalDate", "Initiator", "RestartedCount", "NoteCipher", "CreatedAt", "Version")
SELECT pg_temp.seed_id(3, n), id, now() - (n % 40) * interval '1 day', current_date - n % 40, 'Me', true, 'placeholder', now(), 1
FROM seed WHERE n % 3 = 0;

INSERT INTO "CelebratedMilestones" ("Id", "UserId", "Days", "StretchStartedOn", "CelebratedAt")
SELECT pg_temp.seed_id(4, n * 3 + m), id, (ARRAY[1, 3, 7])[m + 1], current_date - 90, now()
FROM seed CROSS JOIN generate_series(0, 2) AS m;

INSERT INTO "UserSessions" ("Id", "UserId", "CreatedAt", "LastSeenAt", "Device", "EndedAt")
SELECT pg_temp.seed_id(5, n * 2 + s), id, now() - interval '3 days', now() - interval '1 day', 'Firefox on Linux',
    CASE WHEN s = 0 THEN now() - interval '2 days' END
FROM seed CROSS JOIN generate_series(0, 1) AS s;

INSERT INTO "AssessmentRevisions" ("Id", "UserId", "Kind", "AnswersCipher", "Decision", "CreatedAt", "LocalDate")
SELECT pg_temp.seed_id(6, n * 3 + r), id, (ARRAY['inventory', 'inventory', 'decide'])[r + 1], 'placeholder',
    CASE WHEN r = 2 THEN (ARRAY['pursue', 'not-now', 'let-go'])[1 + n % 3] END, now() - (30 - r) * interval '1 day', current_date - (30 - r)
FROM seed CROSS JOIN generate_series(0, 2) AS r WHERE n % 2 = 0;

INSERT INTO "JourneyStates" ("UserId", "ChosenPhase", "ChangedAt")
SELECT id, 'focus', now() FROM seed WHERE n % 4 = 0;

INSERT INTO "StageEvents" ("Id", "UserId", "Stage", "OccurredOn", "NoteCipher", "Outcome", "CreatedAt")
SELECT pg_temp.seed_id(7, n * 3 + e), id, (ARRAY['first-message', 'light-talk', 'call'])[e + 1], current_date - (10 - e), 'placeholder', NULL, now()
FROM seed CROSS JOIN generate_series(0, 2) AS e WHERE n % 6 = 0;

-- One in ten set an app PIN.
INSERT INTO "AppLocks" ("UserId", "FailedAttempts", "IdleMinutes", "PinHash", "UpdatedAt")
SELECT id, 0, 5, 'placeholder', now() FROM seed WHERE n % 10 = 0;
