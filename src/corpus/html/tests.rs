use super::*;
use proptest::prelude::*;

/// A news page as sites serve them: a cookie banner, a header with a menu and a
/// search form, share buttons, a figure, an ad slot, related links inside the
/// article, a "most read" sidebar, a footer, scripts and styles.
const NEWS: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ministers agree border data pact - Northgate Herald</title>
<meta property="og:title" content="Ministers agree border data pact">
<meta property="og:site_name" content="Northgate Herald">
<meta property="og:url" content="https://herald.example/world/border-data-pact?ref=og">
<link rel="canonical" href="https://herald.example/world/border-data-pact">
<meta property="article:published_time" content="2025-06-10T09:30:00+01:00">
<meta name="author" content="Priya Raman">
<style>body{font-family:serif} .cookie{position:fixed}</style>
<script>window.dataLayer=[];function track(){return 1 < 2 && "</p>";}</script>
</head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. <a href="/privacy">Privacy policy</a></p><button>Accept all</button></div>
<header class="site-header">
  <a href="/" class="logo">Northgate Herald</a>
  <nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <form class="search" action="/search"><input name="q" placeholder="Search"></form>
</header>
<main>
<article>
  <h1>Ministers agree border data pact</h1>
  <div class="byline">By <a rel="author" href="/staff/priya-raman">Priya Raman</a> &middot; <time datetime="2025-06-10T09:30:00+01:00">10 June 2025</time></div>
  <div class="share-buttons"><a href="#">Share on X</a> <a href="#">Share on Facebook</a> <a href="#">Email</a></div>
  <figure><img src="/img/ministers.jpg" alt="Two ministers shake hands"><figcaption>The ministers after the meeting. Photo: Herald staff</figcaption></figure>
  <p>LONDON &mdash; Home Secretary James Cleverly met Pakistan&rsquo;s Interior Minister Mohsin Naqvi on Tuesday, and the two agreed to share passenger data on flights between the countries.</p>
  <p>The agreement, which officials said had been   in preparation
     for eight months, covers about 1.2&nbsp;million passengers a year.</p>
  <div class="ad-slot"><script>loadAd("mid")</script><span>Advertisement</span></div>
  <p>&ldquo;This is a practical step,&rdquo; Mr Naqvi told reporters after the meeting &amp; a short joint statement.</p>
  <h2>What happens next</h2>
  <p>The pact must be approved by both cabinets before it takes effect in September.</p>
  <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Visa fees to rise in autumn</a></li><li><a href="/b">Airport queues ease after strike</a></li></ul></aside>
  <div class="social-share"><span>Share this article</span><a href="#">Copy link</a></div>
</article>
</main>
<aside class="sidebar"><h2>Most read</h2><ol><li><a href="/1">Storm closes coastal road</a></li><li><a href="/2">Council approves new budget</a></li></ol></aside>
<footer><p>&copy; 2025 Northgate Herald. All rights reserved.</p><nav><a href="/about">About us</a> <a href="/contact">Contact</a></nav></footer>
<noscript><p>Please enable JavaScript.</p></noscript>
</body>
</html>"##;

#[test]
fn a_news_page_gives_its_headline_and_paragraphs_only() {
    let page = page(NEWS);
    let expected = [
        "Ministers agree border data pact",
        "LONDON — Home Secretary James Cleverly met Pakistan’s Interior Minister Mohsin Naqvi on Tuesday, and the two agreed to share passenger data on flights between the countries.",
        "The agreement, which officials said had been in preparation for eight months, covers about 1.2 million passengers a year.",
        "“This is a practical step,” Mr Naqvi told reporters after the meeting & a short joint statement.",
        "What happens next",
        "The pact must be approved by both cabinets before it takes effect in September.",
    ];
    assert_eq!(page.text, expected.join("\n\n"));
}

#[test]
fn a_news_page_gives_its_metadata() {
    let page = page(NEWS);
    assert_eq!(
        page.title.as_deref(),
        Some("Ministers agree border data pact")
    );
    assert_eq!(page.date.as_deref(), Some("2025-06-10T09:30:00+01:00"));
    assert_eq!(page.author.as_deref(), Some("Priya Raman"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://herald.example/world/border-data-pact")
    );
    assert_eq!(page.source.as_deref(), Some("Northgate Herald"));
}

/// The paragraphs of `page(html).text`.
fn paragraphs(html: &str) -> Vec<String> {
    page(html).text.split("\n\n").map(str::to_string).collect()
}

#[test]
fn entities_are_decoded_and_a_no_break_space_is_a_space() {
    let html = "<html><body><article><p>Smith &amp; Sons&rsquo; profit rose 5&nbsp;%&nbsp;&nbsp;to &pound;3&#160;m &lt;est.&gt;</p></article></body></html>";
    assert_eq!(
        paragraphs(html),
        ["Smith & Sons’ profit rose 5 % to £3 m <est.>"]
    );
}

#[test]
fn one_br_is_a_space_and_two_end_a_paragraph() {
    let html = "<html><body><article><p>First line<br>same paragraph.<br><br>Second paragraph<br/>\n  <br />Third.</p><p>Fourth<br></p></article></body></html>";
    assert_eq!(
        paragraphs(html),
        [
            "First line same paragraph.",
            "Second paragraph",
            "Third.",
            "Fourth"
        ]
    );
}

#[test]
fn a_page_without_article_markup_gives_the_story() {
    let html = r#"<html><head><title>Council budget passes | Riverside Times</title>
<meta property="og:site_name" content="Riverside Times"><meta name="date" content="2024-03-02"></head>
<body>
<div id="top"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/weather">Weather</a> | <a href="/jobs">Jobs</a></div>
<div id="content"><div class="story">
<div class="text">Riverside council approved its budget on Monday by 31 votes to 12, after a debate that lasted most of the evening.<br><br>The budget raises council tax by 4.9 per cent, the most allowed without a local vote, and adds 2 million pounds for road repairs.<br>Opposition members said the rise was too steep for families already facing higher bills.</div>
</div></div>
<div id="bottom">Riverside Times, 1 Mill Lane. <a href="/terms">Terms</a> <a href="/privacy">Privacy</a></div>
</body></html>"#;
    let page = page(html);
    assert_eq!(
        page.text,
        "Council budget passes\n\n\
         Riverside council approved its budget on Monday by 31 votes to 12, after a debate that lasted most of the evening.\n\n\
         The budget raises council tax by 4.9 per cent, the most allowed without a local vote, and adds 2 million pounds for road repairs. \
         Opposition members said the rise was too steep for families already facing higher bills."
    );
    assert_eq!(page.title.as_deref(), Some("Council budget passes"));
    assert_eq!(page.date.as_deref(), Some("2024-03-02"));
    assert_eq!(page.source.as_deref(), Some("Riverside Times"));
    assert_eq!(page.author, None);
    assert_eq!(page.url, None);
}

#[test]
fn a_page_wrapped_in_a_form_keeps_its_story() {
    // ASP.NET sites put the whole body in one <form>.
    let html = r#"<html><body><form id="aspnetForm" action="/"><div id="menu"><a href="/">Home</a></div>
<div id="main-story"><h1>Bridge reopens</h1><p>The Old Bridge reopened to traffic on Friday after a repair that took nine weeks.</p></div>
</form></body></html>"#;
    assert_eq!(
        paragraphs(html),
        [
            "Bridge reopens",
            "The Old Bridge reopened to traffic on Friday after a repair that took nine weeks."
        ]
    );
}

#[test]
fn the_headline_comes_once_and_a_logo_h1_is_not_it() {
    let html = r#"<html><head><meta property="og:title" content="Not this one"></head><body>
<header><h1 class="logo">Herald</h1></header>
<div class="story"><h1>Port strike ends</h1><p>Dock workers returned to work on Monday.</p></div></body></html>"#;
    let page = page(html);
    assert_eq!(page.title.as_deref(), Some("Port strike ends"));
    assert_eq!(
        page.text,
        "Port strike ends\n\nDock workers returned to work on Monday."
    );
}

#[test]
fn the_headline_falls_back_to_og_title_then_title() {
    let og = r#"<html><head><title>Rates held - Daily Ledger</title><meta property="og:title" content="Rates held at 5%"><meta property="og:site_name" content="Daily Ledger"></head><body><p>The bank kept rates unchanged.</p></body></html>"#;
    assert_eq!(page(og).title.as_deref(), Some("Rates held at 5%"));
    assert_eq!(
        page(og).text,
        "Rates held at 5%\n\nThe bank kept rates unchanged."
    );
    let titled = r#"<html><head><title>Rates held | Daily Ledger</title><meta property="og:site_name" content="Daily Ledger"></head><body><p>x</p></body></html>"#;
    assert_eq!(page(titled).title.as_deref(), Some("Rates held"));
    // A suffix that does not name the site is part of the title.
    let other = "<html><head><title>Rates held - what it means</title><meta property=\"og:site_name\" content=\"Daily Ledger\"></head><body></body></html>";
    assert_eq!(
        page(other).title.as_deref(),
        Some("Rates held - what it means")
    );
    let no_site = "<html><head><title>Rates held | Daily Ledger</title></head><body></body></html>";
    assert_eq!(
        page(no_site).title.as_deref(),
        Some("Rates held | Daily Ledger")
    );
}

#[test]
fn dates_come_from_meta_microdata_json_ld_or_time() {
    let cases = [
        (r#"<meta name="date" content="2024-01-02">"#, "2024-01-02"),
        (
            r#"<meta itemprop="datePublished" content="2024-01-03T08:00:00Z">"#,
            "2024-01-03T08:00:00Z",
        ),
        (
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-01-04T10:00:00+05:00"}]}</script>"#,
            "2024-01-04T10:00:00+05:00",
        ),
        (
            r#"<meta name="date" content="2024-01-05"><meta property="article:published_time" content="2024-01-06">"#,
            "2024-01-06",
        ),
    ];
    for (head, date) in cases {
        let html = format!("<html><head>{head}</head><body><p>Text.</p></body></html>");
        assert_eq!(page(&html).date.as_deref(), Some(date), "{head}");
    }
    let time = r#"<html><body><header><time datetime="2020-01-01">today</time></header><article><p>Text.</p><time datetime="2024-01-07">7 January</time></article></body></html>"#;
    assert_eq!(page(time).date.as_deref(), Some("2024-01-07"));
    assert_eq!(page("<p>No date.</p>").date, None);
}

#[test]
fn authors_come_from_meta_json_ld_or_rel_author() {
    let profile = r#"<html><head><meta property="article:author" content="https://social.example/priya"></head><body><article><p>By <a rel="author" href="/p">Priya  Raman</a></p></article></body></html>"#;
    assert_eq!(page(profile).author.as_deref(), Some("Priya Raman"));
    let named = r#"<html><head><meta property="article:author" content="Tom Ode"></head><body></body></html>"#;
    assert_eq!(page(named).author.as_deref(), Some("Tom Ode"));
    let json = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Ruiz"}],"publisher":{"@type":"Organization","name":"Wire Desk"}}</script></head><body></body></html>"#;
    assert_eq!(page(json).author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(page(json).source.as_deref(), Some("Wire Desk"));
    let broken = r#"<html><head><script type="application/ld+json">{"author": </script><meta name="author" content=" "></head><body></body></html>"#;
    assert_eq!(page(broken).author, None);
}

#[test]
fn og_url_stands_in_for_a_missing_canonical_link() {
    let html =
        r#"<html><head><meta property="og:url" content="https://x.example/a"></head></html>"#;
    assert_eq!(page(html).url.as_deref(), Some("https://x.example/a"));
}

#[test]
fn empty_and_odd_input_gives_an_empty_page() {
    assert_eq!(page(""), Page::default());
    assert_eq!(page("<<<>>>").text, "<<<>>>");
    assert_eq!(page("<script>x</script><style>y</style>").text, "");
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    // html5ever's parse time grows with the square of the depth: this is deep
    // enough to pass the Readability cap and quick in a debug build.
    let depth = 3_000;
    let html = format!(
        "{}<p>Deep text.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert!(page(&html).text.ends_with("Deep text."));
}

#[test]
fn the_same_page_reads_the_same_every_time() {
    let first = page(NEWS);
    for _ in 0..5 {
        assert_eq!(page(NEWS), first);
    }
}

/// Checks the shape `Page::text` promises.
fn assert_shape(text: &str) {
    assert!(!text.contains("\n\n\n"), "{text:?}");
    if text.is_empty() {
        return;
    }
    for paragraph in text.split("\n\n") {
        assert!(!paragraph.is_empty(), "{text:?}");
        assert_eq!(paragraph, paragraph.trim(), "{text:?}");
        assert!(!paragraph.contains('\n'), "{text:?}");
        assert!(!paragraph.contains("  "), "{text:?}");
    }
}

/// Bits of HTML, good and broken, to build random pages from.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"share\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("<br>".to_string()),
        Just("<h1>".to_string()),
        Just("<nav>".to_string()),
        Just("<script>".to_string()),
        Just("<!--".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("&amp;&nbsp;&#0;&#xD800;&bogus;".to_string()),
        Just("<meta property=\"og:title\" content=\" \">".to_string()),
        Just("<script type=\"application/ld+json\">{\"author\":[[".to_string()),
        Just("<time datetime=\"\">".to_string()),
        "[a-z ,.]{0,40}",
        "\\PC{0,20}",
        "[ \t\r\n\u{a0}\u{2028}]{0,4}",
    ]
}

proptest! {
    #[test]
    fn any_text_gives_a_page_of_the_promised_shape(html in "\\PC{0,300}|[<>/a-z =\"&;#\n ]{0,300}") {
        assert_shape(&page(&html).text);
    }

    #[test]
    fn any_tag_soup_gives_a_page_of_the_promised_shape(
        parts in proptest::collection::vec(fragment(), 0..60)
    ) {
        let html = parts.concat();
        let first = page(&html);
        assert_shape(&first.text);
        prop_assert_eq!(page(&html), first);
    }
}

/// The fixture pages the corpus loader's tests read, with what this module makes
/// of each.
#[test]
fn the_record_fixtures_read_as_intended() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages/");
    let read = |name: &str| page(&std::fs::read_to_string(format!("{dir}{name}")).unwrap());

    let meeting = read("cleverly-naqvi-meeting.html");
    assert_eq!(
        meeting.text,
        "Home Secretary meets Pakistani interior minister\n\n\
         LONDON, June 10 – Home Secretary James Cleverly met Pakistan’s Interior Minister Mohsin Naqvi on Tuesday.\n\n\
         The two ministers discussed visa processing times, the return of people with no right to remain, and joint work against people-smuggling networks, the Home Office said in a statement after the meeting.\n\n\
         Officials said a working group of 12 officials from each side would meet every three months and report back to both ministers.\n\n\
         Mr Naqvi is due to visit Manchester on Wednesday before returning to Islamabad."
    );
    assert_eq!(meeting.date.as_deref(), Some("2025-06-10T14:05:00+01:00"));
    assert_eq!(meeting.author.as_deref(), Some("Westbrook Wire staff"));
    assert_eq!(meeting.source.as_deref(), Some("Westbrook Wire"));
    assert_eq!(
        meeting.url.as_deref(),
        Some("https://wire.example/uk/2025/06/10/home-secretary-meets-pakistani-interior-minister")
    );

    // No article markup: Readability finds the `<br><br>` story among the link boxes.
    let statement = read("naqvi-statement.html");
    assert_eq!(
        statement.text,
        "Interior minister says visa talks were useful\n\n\
         ISLAMABAD: Interior Minister Mohin Naqvi said on Wednesday that his talks in London with the British Home Secretary had been “useful and frank”, and that both sides wanted faster visa decisions.\n\n\
         Speaking to reporters at Islamabad airport, he said the two governments had agreed to set up a joint working group, which would hold its first meeting in September.\n\n\
         He said Pakistan would also ask for more places for students, adding that about 40,000 Pakistani students were studying in Britain this year."
    );
    assert_eq!(
        statement.title.as_deref(),
        Some("Interior minister says visa talks were useful")
    );
    assert_eq!(statement.date.as_deref(), Some("2025-06-11"));
    assert_eq!(statement.author.as_deref(), Some("Sara Mirza"));
    assert_eq!(statement.source.as_deref(), Some("Harbour Daily"));
    assert_eq!(statement.url, None);

    // Microdata: `itemprop=articleBody` is the container, the `h1` outside it the headline.
    let budget = read("council-budget.html");
    assert_eq!(
        budget.text,
        "Northfield council approves budget\n\n\
         Northfield council approved its budget for the coming year on Tuesday by 28 votes to 15.\n\n\
         The budget raises council tax by 4.99 per cent. Band D households will pay £1,842 a year, up £88.\n\n\
         Council leader Mary Akande said the rise would pay for social care and road repairs.\n\n\
         The opposition group voted against."
    );
    assert_eq!(budget.date.as_deref(), Some("2025-02-25T19:30:00Z"));
    assert_eq!(budget.author.as_deref(), Some("Owen Hale"));
    assert_eq!(
        budget.url.as_deref(),
        Some("https://gazette.example/news/council-approves-budget")
    );
}

#[test]
fn a_comment_thread_beside_a_short_report_is_left_out() {
    let comment = "<li class=\"comment\"><p>I have lived here for thirty years and the traffic has never been this bad, something must be done about it soon, before someone is hurt on that corner.</p></li>";
    let html = format!(
        "<html><body><article><h1>Lane closed</h1><p>Mill Lane will close for two weeks from Monday.</p></article>\
         <section id=\"comments\"><ol>{}</ol></section>\
         <aside><article><h2>Teaser</h2><p>Short.</p></article></aside></body></html>",
        comment.repeat(8)
    );
    assert_eq!(
        page(&html).text,
        "Lane closed\n\nMill Lane will close for two weeks from Monday."
    );
}
