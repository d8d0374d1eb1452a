-- Staff: owner, manager, clerk, warehouse. Owner and manager sign in with a password; all
-- switch at the register with a PIN. Both are Argon2id PHC strings (salted), never the
-- secret itself. Wrong PINs in a row lock the account until `locked_until`.
-- While this table is empty the store runs without sign-in (a fresh install, the demo).
CREATE TABLE staff (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'clerk', 'warehouse')),
    password_hash   TEXT,
    pin_hash        TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    active          INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    CHECK (role IN ('clerk', 'warehouse') OR password_hash IS NOT NULL)
);
