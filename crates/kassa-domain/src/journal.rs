//! The tamper-evident journal's hash chain.
//!
//! Every entry holds the SHA-256 of its own canonical content and the hash of the entry
//! before it; its own hash covers both, its sequence number, kind, reference and time. A
//! changed, removed or reordered entry breaks the chain from that entry on, and
//! [`verify_chain`] names the first broken link. What "canonical content" is (a fixed-order
//! JSON of the sale, credit note or register closing) is the application's business; here
//! it is only text.

use sha2::{Digest, Sha256};

/// The previous hash of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Lowercase hex SHA-256 of `bytes`.
fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The SHA-256 of an entry's canonical content.
pub fn content_hash(content: &str) -> String {
    sha256_hex(content.as_bytes())
}

/// One entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// 1, 2, 3 … without gaps.
    pub seq: i64,
    /// `sale`, `credit_note`, `register_close`.
    pub kind: String,
    /// What it is about (order UUID, credit note number, register session).
    pub reference: String,
    /// When it was written (RFC 3339, as stored).
    pub created_at: String,
    /// Canonical content.
    pub content: String,
    /// SHA-256 of the content.
    pub content_hash: String,
    /// The previous entry's hash ([`GENESIS`] for the first).
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
}

/// The hash of an entry from its parts.
pub fn entry_hash(
    seq: i64,
    kind: &str,
    reference: &str,
    created_at: &str,
    content_hash: &str,
    prev_hash: &str,
) -> String {
    sha256_hex(
        format!("{seq}\n{kind}\n{reference}\n{created_at}\n{content_hash}\n{prev_hash}").as_bytes(),
    )
}

/// Why the chain is broken at an entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrokenLink {
    /// A sequence number is missing or out of order (an entry was removed or inserted).
    #[error("entry {found} follows entry {previous}: an entry is missing or was inserted")]
    Gap {
        /// The entry before.
        previous: i64,
        /// The entry found.
        found: i64,
    },
    /// The content does not hash to the stored content hash (the content was edited).
    #[error("entry {seq}'s content was changed after it was written")]
    Content {
        /// The entry.
        seq: i64,
    },
    /// The entry does not point at the hash of the entry before it.
    #[error("entry {seq} does not follow the entry before it (its previous hash differs)")]
    Link {
        /// The entry.
        seq: i64,
    },
    /// The entry's own hash does not match its parts (a field was edited).
    #[error("entry {seq}'s hash does not match its fields")]
    Hash {
        /// The entry.
        seq: i64,
    },
}

impl BrokenLink {
    /// The entry where the chain breaks.
    pub fn seq(&self) -> i64 {
        match self {
            Self::Gap { found, .. } => *found,
            Self::Content { seq } | Self::Link { seq } | Self::Hash { seq } => *seq,
        }
    }
}

/// Checks one entry against the one before it (none for the first); returns its hash.
pub fn check_entry(
    previous: Option<&JournalEntry>,
    entry: &JournalEntry,
) -> Result<(), BrokenLink> {
    let (expected_seq, expected_prev) = match previous {
        Some(previous) => (previous.seq + 1, previous.hash.as_str()),
        None => (1, GENESIS),
    };
    if entry.seq != expected_seq {
        return Err(BrokenLink::Gap {
            previous: expected_seq - 1,
            found: entry.seq,
        });
    }
    if content_hash(&entry.content) != entry.content_hash {
        return Err(BrokenLink::Content { seq: entry.seq });
    }
    if entry.prev_hash != expected_prev {
        return Err(BrokenLink::Link { seq: entry.seq });
    }
    let hash = entry_hash(
        entry.seq,
        &entry.kind,
        &entry.reference,
        &entry.created_at,
        &entry.content_hash,
        &entry.prev_hash,
    );
    if hash != entry.hash {
        return Err(BrokenLink::Hash { seq: entry.seq });
    }
    Ok(())
}

/// Walks a chain in order; the number of entries, or the first broken link.
pub fn verify_chain<'a>(
    entries: impl IntoIterator<Item = &'a JournalEntry>,
) -> Result<i64, BrokenLink> {
    let mut previous: Option<&JournalEntry> = None;
    let mut count = 0;
    for entry in entries {
        check_entry(previous, entry)?;
        previous = Some(entry);
        count += 1;
    }
    Ok(count)
}

/// The next entry after `previous` (none: the first), with its hashes.
pub fn next_entry(
    previous: Option<(i64, &str)>,
    kind: &str,
    reference: &str,
    created_at: &str,
    content: String,
) -> JournalEntry {
    let (seq, prev_hash) = previous.map_or((1, GENESIS.to_owned()), |(seq, hash)| {
        (seq + 1, hash.to_owned())
    });
    let content_hash = content_hash(&content);
    let hash = entry_hash(seq, kind, reference, created_at, &content_hash, &prev_hash);
    JournalEntry {
        seq,
        kind: kind.to_owned(),
        reference: reference.to_owned(),
        created_at: created_at.to_owned(),
        content,
        content_hash,
        prev_hash,
        hash,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(count: i64) -> Vec<JournalEntry> {
        let mut entries: Vec<JournalEntry> = Vec::new();
        for index in 1..=count {
            let previous = entries.last().map(|entry| (entry.seq, entry.hash.as_str()));
            let next = next_entry(
                previous,
                "sale",
                &format!("order-{index}"),
                "2026-11-23T10:00:00Z",
                format!("{{\"total\":{index}}}"),
            );
            entries.push(next);
        }
        entries
    }

    #[test]
    fn sha256_is_the_standard_one() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn an_untouched_chain_verifies() {
        assert_eq!(verify_chain(&chain(5)), Ok(5));
        assert_eq!(verify_chain(&[]), Ok(0));
    }

    #[test]
    fn every_kind_of_tampering_names_the_first_broken_entry() {
        let mut edited = chain(5);
        edited[2].content = "{\"total\":300}".to_owned();
        assert_eq!(verify_chain(&edited), Err(BrokenLink::Content { seq: 3 }));

        let mut rehashed = chain(5);
        rehashed[2].content = "{\"total\":300}".to_owned();
        rehashed[2].content_hash = content_hash(&rehashed[2].content);
        assert_eq!(verify_chain(&rehashed), Err(BrokenLink::Hash { seq: 3 }));

        let mut removed = chain(5);
        removed.remove(1);
        assert_eq!(
            verify_chain(&removed),
            Err(BrokenLink::Gap {
                previous: 1,
                found: 3
            })
        );

        let mut relinked = chain(5);
        relinked[3].prev_hash = GENESIS.to_owned();
        assert_eq!(verify_chain(&relinked).unwrap_err().seq(), 4);

        let mut reordered = chain(5);
        reordered[4].reference = "order-x".to_owned();
        assert_eq!(verify_chain(&reordered), Err(BrokenLink::Hash { seq: 5 }));
    }
}
