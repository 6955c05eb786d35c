//! Stable, dependency-free hashing for article ids (64-bit FNV-1a, twice with different seeds
//! for a 128-bit id). Not cryptographic: ids need to be stable across runs and platforms, not
//! secret.

const PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// 32 hex digits identifying `bytes`.
pub fn hex_id(bytes: &[u8]) -> String {
    let a = fnv1a(0xcbf2_9ce4_8422_2325, bytes);
    let b = fnv1a(0x8422_2325_cbf2_9ce4, bytes);
    format!("{a:016x}{b:016x}")
}

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
