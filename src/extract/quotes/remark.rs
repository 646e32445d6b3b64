//! Short quotations that are statements all the same: a remark its tag follows right away
//! (`“She knows that,” Ash said.`) and the rest of a quotation its tag splits (`“The
//! plan,” she said, “was never funded.”`). Other quotations of so few words are scare
//! quotes or titles.

use std::ops::Range;

use super::{Context, Span, sentence_at, word_count};

/// Fewer words than this is no remark, even with its tag: a lone "Yes" says little.
const MIN_REMARK_WORDS: usize = 2;
/// Most words a tag splitting a quotation takes ("she said", "Ash, a teacher, said").
const MAX_SPLIT_TAG_WORDS: usize = 8;

impl Context<'_> {
    /// Whether the quotation `span`, too short to be a statement by its length alone, is
    /// one all the same: a tagged remark, or the rest of `split_from`, the quotation kept
    /// before it, when a tag splits the two.
    pub(super) fn short_statement(
        &self,
        span: &Span,
        raw: &str,
        sents: &[Range<usize>],
        next_open: usize,
        split_from: Option<&Span>,
    ) -> bool {
        word_count(raw) >= MIN_REMARK_WORDS
            && (self.tagged_remark(span, raw, sents, next_open)
                || split_from.is_some_and(|before| self.rest_of_split(before, span)))
    }

    /// Whether the quotation `span`, whose text as written is `raw`, opens its sentence,
    /// closes on a comma, question or exclamation mark inside its marks, and is followed
    /// by its tag before `next_open`.
    fn tagged_remark(
        &self,
        span: &Span,
        raw: &str,
        sents: &[Range<usize>],
        next_open: usize,
    ) -> bool {
        let opens_sentence = sentence_at(sents, span.open)
            .is_none_or(|i| self.doc.text[sents[i].start..span.open].trim().is_empty());
        let pauses = raw.trim_end().ends_with([',', '?', '!']);
        let end = sentence_at(sents, span.inner.end.saturating_sub(1))
            .map_or(next_open, |i| sents[i].end.min(next_open));
        opens_sentence && pauses && span.after <= end && self.after_quote(span.after..end).is_some()
    }

    /// Whether `span` goes on from the quotation `before`, kept, past a tag between them
    /// that ends on a comma: `“The plan,” she said, “was never funded.”`.
    fn rest_of_split(&self, before: &Span, span: &Span) -> bool {
        let tag = self.doc.text[before.after.min(span.open)..span.open].trim();
        tag.ends_with(',') && (1..=MAX_SPLIT_TAG_WORDS).contains(&word_count(tag))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{one, quotes};

    #[test]
    fn a_short_remark_with_its_tag_is_a_quotation() {
        assert_eq!(
            quotes("Officials met on Monday. “She knows that,” Tom Ash said. Later they left."),
            [one("She knows that", Some("Tom Ash"), Some("Tom Ash"))]
        );
        // Both parts of a quotation its tag splits, however short.
        assert_eq!(
            quotes("Mayor Dana Reyes faced questions. “The plan,” she said, “was never funded.”"),
            [
                one("The plan", Some("she"), Some("Dana Reyes")),
                one("was never funded.", Some("she"), Some("Dana Reyes")),
            ]
        );
        // Short words quoted inside a sentence, or with no tag after them, are scare quotes.
        assert!(quotes("Tom Ash called it “a total disaster,” and left the room.").is_empty());
        assert!(quotes("Critics call the plan “reckless.” The mayor disagreed.").is_empty());
    }
}
