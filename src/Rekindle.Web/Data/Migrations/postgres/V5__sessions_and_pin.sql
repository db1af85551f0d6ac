-- Server-side sessions behind the sign-in cookie, and the optional app PIN.

CREATE TABLE "AppLocks" (
    "UserId" uuid NOT NULL,
    "PinHash" character varying(256) NOT NULL,
    "IdleMinutes" integer NOT NULL,
    "FailedAttempts" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AppLocks" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_AppLocks_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "UserSessions" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    "Device" character varying(64) NOT NULL,
    "EndedAt" timestamp with time zone,
    "LockedAt" timestamp with time zone,
    CONSTRAINT "PK_UserSessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_UserSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_UserSessions_UserId_EndedAt" ON "UserSessions" ("UserId", "EndedAt");
