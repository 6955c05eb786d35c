//! Stable, dependency-free hashing for article ids (64-bit FNV-1a, twice with different seeds
//! for a 128-bit id). Not cryptographic: ids need to be stable across runs and platforms, not
//! secret.

const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The FNV-1a offset basis, the usual seed.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// 64-bit FNV-1a of `bytes` from `seed`.
pub fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// 32 hex digits identifying `bytes`.
pub fn hex_id(bytes: &[u8]) -> String {
    let a = fnv1a(FNV_OFFSET, bytes);
    let b = fnv1a(0x8422_2325_cbf2_9ce4, bytes);
    format!("{a:016x}{b:016x}")
}

/// A fast hasher for in-memory tables keyed by short strings (the gazetteer's ~300k names):
/// FNV-1a over 8-byte words. Not for untrusted keys in a long-running service (no defence
/// against crafted collisions); the tables it serves are built from the bundled data.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // a final mix so that the low bits (which pick the bucket) depend on every byte
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h ^= u64::from_le_bytes(w);
            h = h.wrapping_mul(PRIME);
        }
        for &b in chunks.remainder() {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
        self.0 = h;
    }
}

/// `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// A set with [`FastHasher`] (word lists looked up once or more per token).
pub type FastSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;

/// Collapse runs of whitespace to one space and trim, so that re-wrapped copies of one text
/// get the same id.
pub fn normalise_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(hex_id(b"abc"), hex_id(b"abc"));
        assert_ne!(hex_id(b"abc"), hex_id(b"abd"));
        assert_eq!(hex_id(b"").len(), 32);
        assert_eq!(normalise_ws("  a \n\n b\t"), "a b");
    }
}
