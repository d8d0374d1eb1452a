-- Register sessions (opening float, cash in and out, X and Z reports) and the append-only,
-- hash-chained journal of sales, credit notes and register closings.

-- One session per register at a time: opened with a counted float, closed with counted
-- amounts per payment method. `report` is the Z report as it was at closing (JSON), so a
-- reprint shows exactly what was closed.
CREATE TABLE register_sessions (
    id                  INTEGER PRIMARY KEY,
    register_code       TEXT NOT NULL,
    -- Z number: 1, 2, 3 … per register.
    number              INTEGER NOT NULL,
    opened_at           TEXT NOT NULL,
    opened_by           TEXT NOT NULL,
    opening_float_minor INTEGER NOT NULL CHECK (opening_float_minor >= 0),
    closed_at           TEXT,
    closed_by           TEXT,
    report              TEXT,
    UNIQUE (register_code, number)
);
CREATE UNIQUE INDEX register_sessions_one_open ON register_sessions (register_code)
    WHERE closed_at IS NULL;

CREATE TABLE cash_movements (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES register_sessions (id),
    kind         TEXT NOT NULL CHECK (kind IN ('in', 'out')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    reason       TEXT NOT NULL,
    staff        TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX cash_movements_session ON cash_movements (session_id);

-- The session an order was rung up in (none: no session was open, or the back office).
ALTER TABLE orders ADD COLUMN register_session_id INTEGER REFERENCES register_sessions (id);
CREATE INDEX orders_register_session ON orders (register_session_id)
    WHERE register_session_id IS NOT NULL;

-- The journal. seq 1, 2, 3 … without gaps; each entry holds the SHA-256 of its canonical
-- content and the previous entry's hash; `hash` covers both (kassa-domain's journal.rs).
-- Written in the transaction of the change it records; never updated or deleted.
CREATE TABLE journal (
    seq          INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('sale', 'credit_note', 'register_close')),
    reference    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    content      TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE
);
CREATE INDEX journal_reference ON journal (kind, reference);
CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only: entries are never changed');
END;
CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only: entries are never deleted');
END;
