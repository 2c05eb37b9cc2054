//! `pm.info.requestId` for items the collection gives no id: made up once per item, as the Postman
//! SDK does when it loads a collection, and the same each time the item runs.
//!
//! Nothing is stored per item: the id is a random seed drawn once mixed with the item's key (its
//! address, or its place in a disk-backed collection's file: see
//! [`super::PlannedItem::key`]), so a collection of many items costs no memory for ids it may
//! never need.

/// Made-up ids for one runner's items.
#[derive(Debug, Clone, Copy)]
pub struct MadeUpIds {
    seed: u128,
}

impl Default for MadeUpIds {
    fn default() -> Self {
        MadeUpIds {
            seed: uuid::Uuid::new_v4().as_u128(),
        }
    }
}

impl MadeUpIds {
    /// The id of `item` (a version 4 UUID): the same for the same item, different between items.
    #[cfg(test)]
    pub fn id_for(&self, item: &crate::collection::Item) -> String {
        self.id_for_key(std::ptr::from_ref(item) as u64)
    }

    /// The id of the item with `key` (a version 4 UUID): the same for the same key, different
    /// between keys.
    pub fn id_for_key(&self, key: u64) -> String {
        // Two different bijective mixes of the key: distinct items differ in both halves.
        let high = u128::from(mix(key));
        let low = u128::from(mix(key.rotate_left(32) ^ 0x9e37_79b9_7f4a_7c15));
        let bytes = (self.seed ^ (high << 64 | low)).to_le_bytes();
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .to_string()
    }
}

/// SplitMix64's finaliser: a bijection on `u64` that spreads every input bit.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{Item, RequestSpec};

    fn item(name: &str) -> Item {
        Item {
            id: None,
            name: name.into(),
            request: RequestSpec::default(),
            events: Vec::new(),
            protocol_profile_behavior: None,
        }
    }

    #[test]
    fn ids_are_stable_per_item_and_distinct() {
        let items: Vec<Item> = (0..1000).map(|i| item(&i.to_string())).collect();
        let ids = MadeUpIds::default();
        let made: std::collections::HashSet<String> = items.iter().map(|i| ids.id_for(i)).collect();
        assert_eq!(made.len(), items.len());
        assert_eq!(ids.id_for(&items[7]), ids.id_for(&items[7]));
        let other = MadeUpIds::default();
        assert_ne!(ids.id_for(&items[7]), other.id_for(&items[7]));
    }

    #[test]
    fn ids_are_version_4_uuids() {
        let one = item("x");
        let id = MadeUpIds::default().id_for(&one);
        let parsed = uuid::Uuid::parse_str(&id).unwrap_or_default();
        assert_eq!(parsed.get_version_num(), 4);
        assert_eq!(parsed.get_variant(), uuid::Variant::RFC4122);
        assert_eq!(id.len(), 36);
    }
}
