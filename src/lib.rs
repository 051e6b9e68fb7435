//! corpus-lint: checks that the articles of a news corpus agree with each other.
//!
//! The pipeline runs one way: [`corpus`] loads articles, [`extract`] applies the
//! [`rules`] to make claims, [`checks`] compares claims across articles, and
//! [`render`] prints findings.

pub mod article;
pub mod cache;
pub mod checks;
pub mod cli;
pub mod code;
pub mod corpus;
pub mod date;
pub mod extract;
pub mod figure;
pub mod ids;
pub mod names;
pub mod places;
pub mod render;
pub mod report;
pub mod rules;
pub mod sentences;
pub mod settings;
pub mod shard;
pub mod time;
pub mod value;
pub mod verify;
pub mod versions;
pub mod view;
