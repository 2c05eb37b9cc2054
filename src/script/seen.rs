//! Which scripts a sandbox already ran once, so that only a script that comes back is compiled
//! to bytecode and kept (see `MAX_COMPILED` in [`super::engine`]).
//!
//! A fixed table of 32-bit fingerprints, set-associative with [`WAYS`] ways: 64 KiB whatever the
//! number of scripts, where a set of hashes grew to a megabyte over a 100,000-item collection. It
//! may forget (a set holds the [`WAYS`] latest scripts whose hash falls in it) or, very rarely,
//! take a new script for one it saw: either only changes whether a script's bytecode is kept.

/// Sets in the table (a power of two).
const SETS: usize = 2048;
/// Fingerprints per set: with a few thousand scripts coming back every iteration, a set almost
/// never holds more.
const WAYS: usize = 8;

/// Fingerprints of the scripts seen, by set.
pub(super) struct SeenOnce {
    slots: Box<[u32]>,
}

impl Default for SeenOnce {
    fn default() -> Self {
        SeenOnce {
            slots: vec![0; SETS * WAYS].into_boxed_slice(),
        }
    }
}

impl SeenOnce {
    /// True when the script with `hash` was seen (without noting it).
    pub(super) fn contains(&self, hash: u64) -> bool {
        let (set, print) = place(hash);
        self.slots
            .get(set * WAYS..(set + 1) * WAYS)
            .is_some_and(|ways| ways.contains(&print))
    }

    /// Note the script with `hash`; true when it was seen before.
    pub(super) fn seen(&mut self, hash: u64) -> bool {
        let (set, print) = place(hash);
        let Some(ways) = self.slots.get_mut(set * WAYS..(set + 1) * WAYS) else {
            return false;
        };
        if ways.contains(&print) {
            return true;
        }
        // The newest first; the oldest falls out.
        ways.copy_within(..WAYS - 1, 1);
        ways[0] = print;
        false
    }
}

/// The set of `hash` and its fingerprint there (never 0, which marks an empty slot).
fn place(hash: u64) -> (usize, u32) {
    ((hash as usize) & (SETS - 1), ((hash >> 32) as u32) | 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_once_remembers_what_it_saw() {
        let mut seen = SeenOnce::default();
        let hashes: Vec<u64> = (0..4000u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect();
        assert!(hashes.iter().all(|h| !seen.contains(*h)));
        assert!(hashes.iter().all(|h| !seen.seen(*h)));
        assert!(hashes.iter().all(|h| seen.contains(*h)));
        let remembered = hashes.iter().filter(|h| seen.seen(**h)).count();
        assert_eq!(remembered, hashes.len());
    }

    #[test]
    fn seen_once_forgets_the_oldest_of_a_full_set() {
        let mut seen = SeenOnce::default();
        // All in set 0, with different fingerprints.
        let same_set: Vec<u64> = (1..=WAYS as u64 + 1).map(|i| i << 33).collect();
        for h in &same_set {
            assert!(!seen.seen(*h));
        }
        assert!(!seen.seen(same_set[0]), "the oldest was forgotten");
        assert!(seen.seen(same_set[WAYS]));
    }
}
