//! Finding claims at overlapping times without comparing every pair.

use crate::extract::Claim;
use crate::time::Interval;
use chrono::Days;

fn time(claim: &Claim) -> Interval {
    claim.time.expect("only timed claims are compared")
}

/// Sorts claims by time, for [`first_overlap`].
pub fn by_time(claims: &mut [&Claim]) {
    claims.sort_by_key(|c| (time(c), c.article, c.span.start));
}

/// The first pair `(x from a, y from b)`, both sorted by [`by_time`], whose times
/// are within `tolerance` days and that `accept` takes. The scan moves forward
/// through `b` as `a` advances, so it is linear in the claims unless many
/// overlapping pairs are refused.
pub fn first_overlap<'a>(
    a: &[&'a Claim],
    b: &[&'a Claim],
    tolerance: u32,
    accept: impl Fn(&Claim, &Claim) -> bool,
) -> Option<(&'a Claim, &'a Claim)> {
    let slack = Days::new(u64::from(tolerance));
    let mut start = 0;
    for x in a {
        let tx = time(x);
        while start < b.len()
            && time(b[start])
                .end
                .checked_add_days(slack)
                .is_some_and(|e| e < tx.start)
        {
            start += 1;
        }
        for y in &b[start..] {
            let ty = time(y);
            if tx.end.checked_add_days(slack).is_some_and(|e| ty.start > e) {
                break;
            }
            if tx.overlaps(&ty, tolerance) && accept(x, y) {
                return Some((x, y));
            }
        }
    }
    None
}
