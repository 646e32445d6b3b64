//! Kind votes: the evidence for each kind of one entity, from one article or summed over
//! the site, and the one rule that picks the kind from them, so an article and the site
//! graph never disagree.

use serde::Serialize;

use crate::load::EntityKind;

/// Votes per kind, in `EntityKind::ALL` order.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, bincode::Encode, bincode::Decode,
)]
#[serde(transparent)]
pub struct KindVotes(pub [u32; 4]);

impl KindVotes {
    /// One vote for `kind`: a gazetteer entry's settled kind.
    pub fn of(kind: EntityKind) -> KindVotes {
        let mut v = KindVotes::default();
        v.0[Self::slot(kind)] = 1;
        v
    }

    pub fn slot(kind: EntityKind) -> usize {
        EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(3)
    }

    pub fn add(&mut self, other: &KindVotes) {
        for (total, vote) in self.0.iter_mut().zip(other.0) {
            *total += vote;
        }
    }

    /// The kind with most votes; ties go to the kind listed first in `EntityKind::ALL`,
    /// and a name with no evidence at all is `other`.
    pub fn winner(&self) -> EntityKind {
        if self.0.iter().all(|&v| v == 0) {
            return EntityKind::Other;
        }
        let mut best = 0;
        for i in 1..4 {
            if self.0[i] > self.0[best] {
                best = i;
            }
        }
        EntityKind::ALL[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::EntityKind::{Organization, Other, Person, Place};

    #[test]
    fn no_evidence_is_other_and_ties_go_first() {
        assert_eq!(KindVotes([0, 0, 0, 0]).winner(), Other);
        assert_eq!(KindVotes([2, 2, 1, 0]).winner(), Person);
        assert_eq!(KindVotes([0, 1, 3, 0]).winner(), Place);
        let mut site = KindVotes::of(Organization);
        site.add(&KindVotes([0, 2, 0, 0]));
        assert_eq!(site, KindVotes([0, 3, 0, 0]));
    }
}
