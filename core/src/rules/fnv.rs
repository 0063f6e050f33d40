//! A fast hash for the short names a rule file gives (ids, option codes):
//! FNV-1a. The names come from the rule file, not from an attacker, so a
//! non-keyed hash serves better than the default SipHash, whose per-map
//! keys and rounds cost more than the names themselves.

use std::hash::{BuildHasherDefault, Hasher};

use indexmap::IndexMap;

use super::text::Name;

/// Build FNV-1a hashers.
pub type Fnv = BuildHasherDefault<FnvHasher>;

/// A map in the order written, by name, hashed with FNV-1a.
pub type NameMap<V> = IndexMap<Name, V, Fnv>;

#[derive(Default)]
pub struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
