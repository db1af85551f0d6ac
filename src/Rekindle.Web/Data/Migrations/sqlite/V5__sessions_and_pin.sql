-- Server-side sessions behind the sign-in cookie, and the optional app PIN.

CREATE TABLE "AppLocks" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_AppLocks" PRIMARY KEY,
    "PinHash" TEXT NOT NULL,
    "IdleMinutes" INTEGER NOT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AppLocks_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "UserSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UserSessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL,
    "Device" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "LockedAt" TEXT NULL,
    CONSTRAINT "FK_UserSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_UserSessions_UserId_EndedAt" ON "UserSessions" ("UserId", "EndedAt");
