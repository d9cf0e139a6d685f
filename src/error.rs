//! Errors a caller can act on. "Nothing found" is never an error: an article
//! without targets gives an empty list, a doubtful figure carries a warning.

use std::fmt;

/// Everything that can go wrong in mubiao, each with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the limit the caller set. Split it, or raise
    /// `Options::max_input_bytes`.
    InputTooLarge { bytes: usize, limit: usize },
    /// A user-dictionary line is not in jieba's `word [freq] [tag]` format.
    /// Fix the line; the dictionary was left unchanged.
    InvalidDictLine {
        line: usize,
        content: String,
        reason: String,
    },
    /// An option has a value mubiao does not understand.
    InvalidOption { name: String, reason: String },
}

/// `Result` with mubiao's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "input is {bytes} bytes, more than the limit of {limit} bytes; split it into smaller parts"
            ),
            Error::InvalidDictLine {
                line,
                content,
                reason,
            } => write!(
                f,
                "user dictionary line {line} `{content}`: {reason} (expected `word [freq] [tag]`)"
            ),
            Error::InvalidOption { name, reason } => write!(f, "option `{name}`: {reason}"),
        }
    }
}

impl std::error::Error for Error {}
