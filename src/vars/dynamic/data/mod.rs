//! Compact word lists behind the `$random*` dynamic variables, one file per theme.
//! The lists are our own; only the shape of the values follows faker 5.5.3 as used by Newman.

pub mod commerce;
pub mod finance;
pub mod people;
pub mod places;
pub mod slogans;
pub mod tech;
pub mod text;
