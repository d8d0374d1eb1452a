//! The languages messages are written in.

use serde::{Deserialize, Serialize};

/// The language of a message; each has its own templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// German.
    De,
}

impl Language {
    /// The language of a code such as `de`, `DE`, `de-AT` or `en_GB`; `None` for a
    /// language without templates.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Some(Self::En)
        } else if primary.eq_ignore_ascii_case("de") {
            Some(Self::De)
        } else {
            None
        }
    }

    /// The two-letter code: `en` or `de`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(Language::from_code("de"), Some(Language::De));
        assert_eq!(Language::from_code("DE-at"), Some(Language::De));
        assert_eq!(Language::from_code("en_GB"), Some(Language::En));
        assert_eq!(Language::from_code("fr"), None);
        assert_eq!(Language::from_code(""), None);
        assert_eq!(Language::De.code(), "de");
        assert_eq!(Language::default(), Language::En);
    }

    #[test]
    fn serde_is_snake_case() {
        assert_eq!(serde_json::to_string(&Language::De).unwrap(), "\"de\"");
        assert_eq!(
            serde_json::from_str::<Language>("\"en\"").unwrap(),
            Language::En
        );
    }
}
