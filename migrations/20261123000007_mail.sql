-- E-mail: SMTP settings (the password is never here: it lives in the OS keyring), and the
-- mail log, one row for every mail the outbox holds (topic 'mail').
--
-- The outbox row is the work item (pending until sent, skipped or given up); its mail_log
-- row is what a person reads in the sent log and what makes a resend safe: the Message-ID
-- is fixed before the first attempt and reused by every retry, and `claimed_until` keeps
-- two workers from sending the same mail at the same time.

INSERT INTO settings (key, value) VALUES
    ('smtp_host', ''),
    ('smtp_port', '587'),
    -- starttls, tls (implicit TLS, usually port 465) or none (a local relay).
    ('smtp_security', 'starttls'),
    ('smtp_user', ''),
    ('mail_from_address', ''),
    ('mail_from_name', ''),
    -- Extra addresses that get the new-order notification, one per line.
    ('mail_admin_addresses', ''),
    -- The language of the customers' mails: en or de.
    ('mail_language', 'en'),
    -- Where a customer pays an order that awaits payment; {reference} and {uuid} are
    -- replaced. Empty: the confirmation has no pay link.
    ('pay_link_template', '');

CREATE TABLE mail_log (
    id            INTEGER PRIMARY KEY,
    outbox_id     INTEGER NOT NULL UNIQUE REFERENCES outbox (id),
    message_id    TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    -- Filled in when the mail is composed.
    recipients    TEXT NOT NULL DEFAULT '',
    subject       TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL DEFAULT 'queued'
                  CHECK (state IN ('queued', 'sending', 'retrying', 'sent', 'failed', 'skipped')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    claimed_until TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    sent_at       TEXT
);
CREATE INDEX mail_log_recent ON mail_log (id DESC);
