//! Finding claims at overlapping times without comparing every pair.

use crate::extract::Claim;
use crate::time::Interval;
use chrono::{Days, NaiveDate};
use std::collections::BTreeSet;

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

/// One group's claims, sorted by [`by_time`], readied for [`first_overlaps`]:
/// times with their ends moved out by the tolerance as [`Interval::overlaps`]
/// reads them, so that two claims overlap when each starts by the other's end.
struct Timeline {
    start: Vec<NaiveDate>,
    end: Vec<NaiveDate>,
    excused: Vec<bool>,
    all: Reach,
    /// Only the claims not excused.
    unexcused: Reach,
}

/// Some of a timeline's claims, in its order, with the latest end so far at each.
#[derive(Default)]
struct Reach {
    index: Vec<usize>,
    start: Vec<NaiveDate>,
    latest_end: Vec<NaiveDate>,
}

impl Reach {
    fn push(&mut self, index: usize, start: NaiveDate, end: NaiveDate) {
        let latest = self.latest_end.last().map_or(end, |&l| l.max(end));
        self.index.push(index);
        self.start.push(start);
        self.latest_end.push(latest);
    }

    /// The first claim that starts by `until` and ends on or after `from`: the
    /// claims starting by `until` are a prefix, and the first of them ending on or
    /// after `from` is where the latest end so far first reaches `from`.
    fn first(&self, from: NaiveDate, until: NaiveDate) -> Option<usize> {
        let starting = self.start.partition_point(|&s| s <= until);
        let i = self.latest_end.partition_point(|&e| e < from);
        (i < starting).then(|| self.index[i])
    }
}

impl Timeline {
    fn new(claims: &[(&Claim, bool)], tolerance: u32) -> Self {
        let slack = Days::new(u64::from(tolerance));
        let mut t = Timeline {
            start: Vec::with_capacity(claims.len()),
            end: Vec::with_capacity(claims.len()),
            excused: Vec::with_capacity(claims.len()),
            all: Reach::default(),
            unexcused: Reach::default(),
        };
        for (i, (claim, excused)) in claims.iter().enumerate() {
            let Interval { start, end } = time(claim);
            let end = end.checked_add_days(slack).unwrap_or(end);
            t.start.push(start);
            t.end.push(end);
            t.excused.push(*excused);
            t.all.push(i, start, end);
            if !excused {
                t.unexcused.push(i, start, end);
            }
        }
        t
    }

    /// The first of these claims at a time overlapping `other`'s claim `x`, and
    /// not excused if that one is.
    fn first_with(&self, other: &Timeline, x: usize) -> Option<usize> {
        let reach = if other.excused[x] {
            &self.unexcused
        } else {
            &self.all
        };
        reach.first(other.start[x], other.end[x])
    }

    /// The spans of days the claims cover, in order, each as far apart as the
    /// claims allow: a claim overlaps another timeline's claim exactly when their
    /// spans meet.
    fn spans(&self) -> Vec<(NaiveDate, NaiveDate)> {
        let mut spans: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        for (&s, &e) in self.start.iter().zip(&self.end) {
            match spans.last_mut() {
                Some((_, last)) if s <= *last => *last = (*last).max(e),
                _ => spans.push((s, e)),
            }
        }
        spans
    }
}

/// For each pair of groups `i < j` that have claims at overlapping times, the pair
/// [`first_overlap`] finds for `(groups[i], groups[j])` where `accept` takes a pair
/// unless both claims are excused (the flag beside each claim): `(i, j, x, y)`,
/// with `x` and `y` indices into those groups, in order of `(i, j)`. Each group
/// must be sorted by [`by_time`].
///
/// No pair of groups is compared unless the days their claims cover meet, and
/// then the smaller group's claims are looked up in the larger's by binary search.
pub fn first_overlaps(
    groups: &[Vec<(&Claim, bool)>],
    tolerance: u32,
) -> Vec<(usize, usize, usize, usize)> {
    let timelines: Vec<Timeline> = groups.iter().map(|g| Timeline::new(g, tolerance)).collect();
    meeting(&timelines)
        .into_iter()
        .filter_map(|(i, j)| {
            let (x, y) = first_pair(&timelines[i], &timelines[j])?;
            Some((i, j, x, y))
        })
        .collect()
}

/// Pairs of timelines `(i, j)`, `i < j`, whose spans meet, in order: a sweep
/// over every span by its first day, holding those not yet ended.
fn meeting(timelines: &[Timeline]) -> BTreeSet<(usize, usize)> {
    let mut spans: Vec<(NaiveDate, NaiveDate, usize)> = timelines
        .iter()
        .enumerate()
        .flat_map(|(g, t)| t.spans().into_iter().map(move |(s, e)| (s, e, g)))
        .collect();
    spans.sort_unstable();
    let mut pairs = BTreeSet::new();
    let mut open: Vec<(NaiveDate, usize)> = Vec::new();
    for (start, end, g) in spans {
        // A group's own spans never meet, so every one still open is another's.
        open.retain(|&(e, _)| e >= start);
        pairs.extend(open.iter().map(|&(_, h)| (g.min(h), g.max(h))));
        open.push((end, g));
    }
    pairs
}

/// The first claim of `a` overlapping an accepted claim of `b`, and the first
/// such claim of `b`, as indices: [`first_overlap`]'s answer.
fn first_pair(a: &Timeline, b: &Timeline) -> Option<(usize, usize)> {
    if a.start.len() <= b.start.len() {
        (0..a.start.len()).find_map(|x| Some((x, b.first_with(a, x)?)))
    } else {
        let x = (0..b.start.len())
            .filter_map(|y| a.first_with(b, y))
            .min()?;
        let y = b
            .first_with(a, x)
            .expect("the claim overlaps an accepted claim of `b`");
        Some((x, y))
    }
}
