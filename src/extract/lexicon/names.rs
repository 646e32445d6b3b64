//! Word lists for telling names apart, kept apart from the shared lists in `words.rs`.

use super::Class;

/// Capitalised job titles of the press and of offices that stand before a person's name
/// like "Senator" does: "Washington Editor Dana Reyes", "Majority Whip Tom Ash".
pub const PRESS_TITLES: Class = 1 << 56;
pub(super) const PRESS_TITLES_WORDS: &str = "editor editor-in-chief correspondent columnist
    anchor supervisor whip commentator contributor";
