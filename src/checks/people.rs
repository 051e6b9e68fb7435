//! Who a name refers to, for the office checks: declared entities by any of their
//! forms, and spellings of one name, count as one person.

use crate::names::is_variant;
use crate::rules::RulePack;

/// The name a person goes by: the declared name if `name` is one of an entity's
/// forms (canonical, alias or known wrong form), else `name` itself.
pub fn canonical<'a>(name: &'a str, pack: &'a RulePack) -> &'a str {
    pack.entities
        .iter()
        .find(|e| e.has_form(name))
        .map_or(name, |e| e.name.as_str())
}

/// Whether two names refer to one person.
pub fn same_person(a: &str, b: &str, pack: &RulePack) -> bool {
    let (a, b) = (canonical(a, pack), canonical(b, pack));
    a == b || is_variant(a, b)
}
