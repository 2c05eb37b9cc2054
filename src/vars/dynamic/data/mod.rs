//! Compact word lists behind the `$random*` dynamic variables, one file per theme.
//! The lists are our own; only the shape of the values follows faker 5.5.3 as used by Newman.

pub(crate) mod commerce;
pub(crate) mod finance;
pub(crate) mod people;
pub(crate) mod places;
pub(crate) mod slogans;
pub(crate) mod tech;
pub(crate) mod text;
