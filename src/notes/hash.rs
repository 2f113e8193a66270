//! A small, stable 64-bit hash (FNV-1a) for fingerprints and note content.
//!
//! `std`'s `DefaultHasher` may change between Rust releases; these values are compared across
//! runs (and derived ids are written to disk), so they must never change.

/// An FNV-1a 64-bit hasher whose output is the same on every platform and Rust version.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fnv64(u64);

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

impl Fnv64 {
    /// A hasher in its initial state.
    pub(crate) fn new() -> Self {
        Self(OFFSET)
    }

    /// Feeds raw bytes.
    pub(crate) fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(PRIME);
        }
        self
    }

    /// Feeds a number as 8 little-endian bytes.
    pub(crate) fn u64(&mut self, n: u64) -> &mut Self {
        self.bytes(&n.to_le_bytes())
    }

    /// Feeds a string with its length first, so that ("ab", "c") and ("a", "bc") differ.
    pub(crate) fn str(&mut self, s: &str) -> &mut Self {
        self.u64(s.len() as u64).bytes(s.as_bytes())
    }

    /// The hash of everything fed so far.
    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

/// The FNV-1a hash of a byte slice.
pub(crate) fn fnv64(bytes: &[u8]) -> u64 {
    Fnv64::new().bytes(bytes).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_matches_the_published_fnv1a_test_vectors() {
        assert_eq!(fnv64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn length_prefixed_strings_do_not_run_together() {
        let ab_c = Fnv64::new().str("ab").str("c").finish();
        let a_bc = Fnv64::new().str("a").str("bc").finish();
        assert_ne!(ab_c, a_bc);
    }
}
