//! The document, mail, feed and dump importers against files made in the
//! tests: what each format yields, bad input named and nothing else lost,
//! a project of such articles saved and reopened exactly, a long mailbox
//! read as a stream that can be cancelled, and random bytes never panicking.

#[path = "fixtures/documents.rs"]
mod documents;

use dossier::commands::Command;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use chrono::NaiveDate;
use dossier::import::{
    FileArticles, Format, ImportError, Progress, parse_file, read_file, scan_folder,
};
use dossier::jobs::{Job, JobOutput};
use dossier::model::DateOrigin;
use dossier::workspace::Workspace;
use lopdf::dictionary;
use proptest::prelude::*;
use tempfile::TempDir;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Writes `bytes` to `name` in `dir` and returns the path.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// Reads a file written on the spot.
fn read(name: &str, bytes: &[u8]) -> Result<FileArticles, ImportError> {
    let dir = TempDir::new().unwrap();
    read_file(&write(dir.path(), name, bytes), &Progress::NONE)
}

const PAGE_ONE: &[&str] = &[
    "Ferry service to Port Aven resumes",
    "PORT AVEN, June 10, 2025 (Coastline Daily) - The harbour board said on Tuesday",
    "that the night ferry will sail again from Friday.",
];
const PAGE_TWO: &[&str] = &["Marta Velk, the board's chair, said 14 crew had been hired."];
const PAGE_THREE: &[&str] = &["Tickets go on sale on Thursday."];

fn ferry_pdf() -> Vec<u8> {
    documents::pdf(
        &[PAGE_ONE, PAGE_TWO, PAGE_THREE],
        "Night ferry returns",
        "Harbour desk",
    )
}

#[test]
fn pdf_pages_are_kept() {
    let found = read("ferry.pdf", &ferry_pdf()).unwrap();
    assert!(found.problems.is_empty());
    let [article] = &found.articles[..] else {
        panic!("one article: {:?}", found.articles);
    };
    assert_eq!(article.title, "Night ferry returns");
    assert_eq!(article.provenance.author, "Harbour desk");
    assert_eq!(article.outlet, "Coastline Daily");
    assert_eq!(article.published, date(2025, 6, 10));
    assert_eq!(article.provenance.pages.len(), 3);
    assert!(
        article
            .provenance
            .notes
            .contains(&"PDF created 2025-06-11".to_owned())
    );
    let crew = article.text.find("14 crew").expect("page two's text");
    assert_eq!(article.provenance.page_at(crew), Some(2));
    let tickets = article.text.find("Tickets").expect("page three's text");
    assert_eq!(article.provenance.page_at(tickets), Some(3));
    assert_eq!(article.provenance.page_at(0), Some(1));
    assert!(
        article
            .text
            .starts_with("Ferry service to Port Aven resumes\n")
    );
}

#[test]
fn a_pdf_without_text_needs_ocr() {
    let found = read("scan.pdf", &documents::pdf(&[&[], &[]], "Scan", "")).unwrap_err();
    assert!(matches!(found.cause(), ImportError::NoTextLayer), "{found}");
    assert_eq!(
        found.to_string(),
        "scan.pdf: the PDF has no text layer — needs OCR; nothing was imported"
    );
}

#[test]
fn broken_and_encrypted_pdfs_are_named() {
    let pdf = ferry_pdf();
    let error = read("cut.pdf", &pdf[..pdf.len() / 3]).unwrap_err();
    assert!(error.to_string().starts_with("cut.pdf: "), "{error}");
    assert!(
        matches!(error.cause(), ImportError::Damaged { format: "PDF", .. }),
        "{error}"
    );
    let error = read("notes.pdf", b"this is a text file named .pdf").unwrap_err();
    assert!(
        matches!(error.cause(), ImportError::Damaged { .. }),
        "{error}"
    );
    let error = read("locked.pdf", &encrypted_pdf()).unwrap_err();
    assert!(matches!(error.cause(), ImportError::Encrypted), "{error}");
    assert!(error.to_string().contains("needs a password"), "{error}");
}

/// The ferry PDF with a standard security handler whose password is not empty.
fn encrypted_pdf() -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(&ferry_pdf()).unwrap();
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard",
        "V" => 1,
        "R" => 2,
        "Length" => 40,
        "O" => lopdf::Object::string_literal(vec![7u8; 32]),
        "U" => lopdf::Object::string_literal(vec![9u8; 32]),
        "P" => -4,
    });
    doc.trailer.set("Encrypt", encrypt);
    doc.trailer.set(
        "ID",
        vec![
            lopdf::Object::string_literal(vec![1u8; 16]),
            lopdf::Object::string_literal(vec![1u8; 16]),
        ],
    );
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn word_and_open_document_files() {
    let docx = documents::docx(
        &[
            "Ferry talks stall",
            "Published: 12 June 2025",
            "The board & the union met for six hours.",
        ],
        "Ferry talks stall over night shifts",
        "Ines Darrow",
    );
    let found = read("talks.docx", &docx).unwrap();
    let article = &found.articles[0];
    assert_eq!(
        article.text,
        "Ferry talks stall\nPublished: 12 June 2025\nThe board & the union met for six hours."
    );
    assert_eq!(article.title, "Ferry talks stall over night shifts");
    assert_eq!(article.provenance.author, "Ines Darrow");
    assert_eq!(article.published, date(2025, 6, 12));
    let odt = documents::odt(
        "Union votes",
        &["The vote closes on Monday.", "Turnout was high."],
    );
    let article = &read("vote.ODT", &odt).unwrap().articles[0];
    assert_eq!(
        article.text,
        "Union votes\nThe vote closes on Monday.\nTurnout was high."
    );
    assert_eq!(article.title, "Union votes");
}

#[test]
fn zip_bombs_and_broken_archives_are_refused() {
    // A document part of 300 MiB of zeros: a few hundred KB packed.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default().large_file(true),
    )
    .unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..300 {
        std::io::Write::write_all(&mut zip, &zeros).unwrap();
    }
    let bomb = zip.finish().unwrap().into_inner();
    assert!(bomb.len() < 2 * 1024 * 1024);
    let error = read("bomb.docx", &bomb).unwrap_err();
    assert!(
        matches!(error.cause(), ImportError::TooMuchToUnpack { .. }),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .starts_with("bomb.docx: its part “word/document.xml” unpacks to more than")
    );
    let error = read("plain.odt", b"not a zip at all").unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("plain.odt: it is not a readable OpenDocument"),
        "{error}"
    );
}

const FERRY_MAIL: &str = "From: Ines Darrow <ines@coastline.example>\r\n\
To: desk@example.org\r\n\
Subject: Fwd: ferry timetable\r\n\
Date: Wed, 11 Jun 2025 09:15:00 +0200\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"outer\"\r\n\
\r\n\
--outer\r\n\
Content-Type: multipart/alternative; boundary=\"inner\"\r\n\
\r\n\
--inner\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
The new timetable starts on Friday, the board says.\r\n\
--inner\r\n\
Content-Type: text/html; charset=utf-8\r\n\
\r\n\
<p>The <b>new</b> timetable starts on Friday, the board says.</p>\r\n\
--inner--\r\n\
--outer\r\n\
Content-Type: text/plain; name=\"timetable.txt\"\r\n\
Content-Disposition: attachment; filename=\"timetable.txt\"\r\n\
\r\n\
Night ferry timetable\r\n\
Departures at 22:00 and 23:30 from Friday.\r\n\
--outer\r\n\
Content-Type: application/octet-stream; name=\"photo.jpg\"\r\n\
Content-Disposition: attachment; filename=\"photo.jpg\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
/9j/4AAQSkZJRgABAQ==\r\n\
--outer--\r\n";

#[test]
fn an_email_and_its_attachments() {
    let found = read("forward.eml", FERRY_MAIL.as_bytes()).unwrap();
    assert!(found.problems.is_empty(), "{:?}", found.problems);
    let [message, attachment] = &found.articles[..] else {
        panic!("message and attachment: {:?}", found.articles);
    };
    assert_eq!(
        message.text,
        "The new timetable starts on Friday, the board says."
    );
    assert_eq!(message.title, "Fwd: ferry timetable");
    assert_eq!(
        message.provenance.author,
        "Ines Darrow <ines@coastline.example>"
    );
    assert_eq!(message.published, date(2025, 6, 11));
    assert_eq!(
        message.date_origin,
        DateOrigin::Metadata("e-mail Date header".to_owned())
    );
    assert_eq!(message.provenance.part, "");
    let notes = message.provenance.notes.join("\n");
    assert!(
        notes.contains(
            "attachment “timetable.txt” (text/plain, 65 bytes), imported as an article of its own"
        ),
        "{notes}"
    );
    assert!(notes.contains("attachment “photo.jpg”"), "{notes}");
    assert!(notes.contains("not a supported article format"), "{notes}");
    assert_eq!(attachment.provenance.part, "timetable.txt");
    assert_eq!(attachment.title, "Night ferry timetable");
}

/// A mailbox of `n` short messages, message 2 without any text.
fn mailbox(n: usize) -> String {
    let mut mbox = String::new();
    for i in 1..=n {
        mbox.push_str(&format!(
            "From desk@example.org Thu Jun 12 10:{:02}:00 2025\n\
             From: Desk <desk@example.org>\n\
             Subject: Ferry update {i}\n\
             Date: Thu, 12 Jun 2025 10:{:02}:00 +0000\n\n",
            i % 60,
            i % 60
        ));
        if i != 2 {
            mbox.push_str(&format!(
                "Update {i}: the night ferry left on time.\n>From the bridge, all calm.\n\n"
            ));
        }
    }
    mbox
}

#[test]
fn a_mailbox_is_one_article_per_message() {
    let found = read("desk.mbox", mailbox(4).as_bytes()).unwrap();
    let parts: Vec<&str> = found
        .articles
        .iter()
        .map(|a| a.provenance.part.as_str())
        .collect();
    assert_eq!(parts, ["1", "3", "4"]);
    assert_eq!(found.articles[1].title, "Ferry update 3");
    assert_eq!(
        found.articles[1].text,
        "Update 3: the night ferry left on time.\nFrom the bridge, all calm.\n\n"
    );
    let [problem] = &found.problems[..] else {
        panic!("{:?}", found.problems);
    };
    assert!(
        problem.to_string().starts_with("desk.mbox: message 2: "),
        "{problem}"
    );
    let error = read("empty.mbox", b"no From line here\n").unwrap_err();
    assert!(error.to_string().contains("no message found"), "{error}");
}

#[test]
fn a_long_mailbox_reports_progress_and_can_be_cancelled() {
    let dir = TempDir::new().unwrap();
    let mbox = mailbox(40_000);
    assert!(mbox.len() > 4 * 1024 * 1024);
    let path = write(dir.path(), "long.mbox", mbox.as_bytes());
    let furthest = AtomicU64::new(0);
    let stop = AtomicBool::new(false);
    let report = |n: u64| {
        furthest.store(n, Ordering::Relaxed);
        if n >= 2 * 1024 * 1024 {
            stop.store(true, Ordering::Relaxed);
        }
    };
    let cancelled = || stop.load(Ordering::Relaxed);
    let progress = Progress {
        read: &report,
        cancelled: &cancelled,
    };
    let error = read_file(&path, &progress).unwrap_err();
    assert!(matches!(error.cause(), ImportError::Cancelled), "{error}");
    let seen = furthest.load(Ordering::Relaxed);
    assert!((2 * 1024 * 1024..4 * 1024 * 1024).contains(&seen), "{seen}");
    let whole = read_file(&path, &Progress::NONE).unwrap();
    assert_eq!(whole.articles.len(), 39_999);
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Coastline Daily</title><link>https://coastline.example/</link>
<item><title>Night ferry sails again</title><link>https://coastline.example/ferry</link>
<dc:creator>Ines Darrow</dc:creator><pubDate>Fri, 13 Jun 2025 06:00:00 GMT</pubDate>
<description>&lt;p&gt;The night ferry left Port Aven at 22:00 on Friday.&lt;/p&gt;</description></item>
<item><title>Union thanks crews</title><link>https://coastline.example/union</link>
<description>The union thanked the crews on Saturday.</description></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title><id>urn:x</id><updated>2025-06-14T10:00:00Z</updated>
<entry><title>Timetable fixed</title><id>urn:x:1</id><link href="https://notes.example/timetable"/>
<published>2025-06-14T09:00:00Z</published><updated>2025-06-14T10:00:00Z</updated><author><name>Desk</name></author>
<content type="html">&lt;p&gt;The timetable is fixed until August.&lt;/p&gt;</content></entry></feed>"#;

#[test]
fn feeds_are_one_article_per_item() {
    let found = read("coast.rss", RSS.as_bytes()).unwrap();
    assert_eq!(found.articles.len(), 2);
    let first = &found.articles[0];
    assert_eq!(first.title, "Night ferry sails again");
    assert_eq!(
        first.text,
        "The night ferry left Port Aven at 22:00 on Friday."
    );
    assert_eq!(first.url, "https://coastline.example/ferry");
    assert_eq!(first.outlet, "Coastline Daily");
    assert_eq!(first.provenance.author, "Ines Darrow");
    assert_eq!(first.published, date(2025, 6, 13));
    assert_eq!(first.provenance.part, "item 1");
    assert_eq!(found.articles[1].published, None);
    let atom = &read("notes.atom", ATOM.as_bytes()).unwrap().articles[0];
    assert_eq!(atom.text, "The timetable is fixed until August.");
    assert_eq!(atom.published, date(2025, 6, 14));
    assert_eq!(atom.outlet, "Harbour Notes");
    let error = read("broken.xml", b"<rss><channel><item>").unwrap_err();
    assert!(error.to_string().starts_with("broken.xml: "), "{error}");
}

const CSV: &str = "id,headline,full_text,published_at,url,source\n\
1,Ferry back,\"The ferry is back.\nIt sailed at ten.\",2025-06-13T06:00:00Z,https://a.example/1,Coastline Daily\n\
2,Too few cells,only three\n\
3,No text,,2025-06-13,,\n\
4,Odd date,The crews were thanked.,someday,,Harbour Notes\n";

#[test]
fn csv_dumps_name_bad_rows_by_line() {
    let found = read("dump.csv", CSV.as_bytes()).unwrap();
    let parts: Vec<&str> = found
        .articles
        .iter()
        .map(|a| a.provenance.part.as_str())
        .collect();
    assert_eq!(parts, ["line 2", "line 6"]);
    let first = &found.articles[0];
    assert_eq!(first.text, "The ferry is back.\nIt sailed at ten.");
    assert_eq!(first.title, "Ferry back");
    assert_eq!(first.published, date(2025, 6, 13));
    assert_eq!(
        first.date_origin,
        DateOrigin::Metadata("dump column “published_at”".to_owned())
    );
    assert_eq!(first.outlet, "Coastline Daily");
    assert_eq!(first.url, "https://a.example/1");
    assert_eq!(found.articles[1].published, None);
    let problems: Vec<String> = found.problems.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        problems,
        [
            "dump.csv: line 4: it has 3 cells where the header has 6",
            "dump.csv: line 5: the text is empty",
            "dump.csv: line 6: cannot read the date “someday” (the article was imported without it)",
        ]
    );
    let error = read("sheet.csv", b"file,title\na.txt,A\n").unwrap_err();
    assert!(
        matches!(error.cause(), ImportError::NoTextColumn { .. }),
        "{error}"
    );
}

#[test]
fn json_lines_dumps() {
    let jsonl = r#"{"title": "Ferry back", "content": "The ferry is back.", "publishedAt": "2025-06-13", "source": {"id": null, "name": "Coastline Daily"}, "author": ["Ines Darrow", "Desk"]}

not json
[1, 2]
{"title": "Crews thanked", "body": "The union thanked the crews."}
"#;
    let found = read("news.jsonl", jsonl.as_bytes()).unwrap();
    assert_eq!(found.articles.len(), 2);
    let first = &found.articles[0];
    assert_eq!(first.provenance.part, "line 1");
    assert_eq!(first.outlet, "Coastline Daily");
    assert_eq!(first.provenance.author, "Ines Darrow, Desk");
    assert_eq!(first.published, date(2025, 6, 13));
    assert_eq!(found.articles[1].provenance.part, "line 5");
    let problems: Vec<String> = found.problems.iter().map(|e| e.to_string()).collect();
    assert!(
        problems[0].starts_with("news.jsonl: line 3: not valid JSON"),
        "{problems:?}"
    );
    assert_eq!(problems[1], "news.jsonl: line 4: not a JSON object");
}

#[test]
fn a_day_in_the_link_dates_an_item_or_row_without_a_date() {
    let rss = r#"<rss version="2.0"><channel><title>Harbour Notes</title>
        <item><title>Pier repaired</title><link>https://notes.example/2025/06/16/pier/</link>
        <description>The pier was repaired overnight.</description></item></channel></rss>"#;
    let item = &read("pier.rss", rss.as_bytes()).unwrap().articles[0];
    let jsonl = r#"{"body": "The pier reopened to walkers.", "url": "https://notes.example/2025/06/17/walkers"}"#;
    let row = &read("pier.jsonl", jsonl.as_bytes()).unwrap().articles[0];
    for (article, day) in [(item, 16), (row, 17)] {
        assert_eq!(article.published, date(2025, 6, day));
        assert_eq!(
            article.date_origin,
            DateOrigin::Detected("date in the article’s URL".to_owned())
        );
    }
}

/// A folder holding one file of every new format, and a broken one.
fn every_format(dir: &Path) {
    write(dir, "ferry.pdf", &ferry_pdf());
    write(
        dir,
        "talks.docx",
        &documents::docx(
            &["Talks stall", "The board met the union."],
            "Talks",
            "Desk",
        ),
    );
    write(
        dir,
        "vote.odt",
        &documents::odt("Union votes", &["The vote closes on Monday."]),
    );
    write(dir, "forward.eml", FERRY_MAIL.as_bytes());
    write(dir, "desk.mbox", mailbox(3).as_bytes());
    write(dir, "coast.rss", RSS.as_bytes());
    write(dir, "dump.csv", CSV.as_bytes());
    write(dir, "cut.pdf", &ferry_pdf()[..200]);
    write(dir, "note.txt", b"A plain note about the ferry.\n");
    write(
        dir,
        "metadata.csv",
        b"file,published\nnote.txt,2025-06-09\n",
    );
}

#[test]
fn a_project_of_every_format_saves_and_reopens_exactly() {
    let dir = TempDir::new().unwrap();
    every_format(dir.path());
    let files = scan_folder(dir.path()).unwrap();
    assert!(
        !files.iter().any(|f| f.ends_with("metadata.csv")),
        "the sheet is no dump"
    );
    let sheet = dossier::import::Sheet::in_folder(dir.path()).map(Result::unwrap);
    let JobOutput::Imported { articles, skipped } = Job::import(files, sheet).wait() else {
        panic!("cancelled");
    };
    let skipped = skipped.join("\n");
    assert!(
        skipped.contains("cut.pdf: it is not a readable PDF file"),
        "{skipped}"
    );
    assert!(skipped.contains("desk.mbox: message 2: "), "{skipped}");
    assert!(skipped.contains("dump.csv: line 4: "), "{skipped}");
    let mut ws = Workspace::new();
    assert!(
        ws.execute(Command::AddArticles(articles))
            .unwrap()
            .problems
            .is_empty()
    );
    let names: Vec<String> = ws
        .project()
        .articles
        .iter()
        .map(|a| a.file_name().to_owned())
        .collect();
    for name in [
        "ferry.pdf",
        "talks.docx",
        "vote.odt",
        "forward.eml",
        "forward.eml#timetable.txt",
        "desk.mbox#1",
        "desk.mbox#3",
        "coast.rss#item 2",
        "dump.csv#line 2",
        "dump.csv#line 6",
        "note.txt",
    ] {
        assert!(names.contains(&name.to_owned()), "{name} in {names:?}");
    }
    let note = ws
        .project()
        .articles
        .iter()
        .find(|a| a.file_name() == "note.txt");
    assert_eq!(note.unwrap().published, date(2025, 6, 9));
    let dated = |name: &str| {
        let article = ws.project().articles.iter().find(|a| a.file_name() == name);
        let article = article.unwrap_or_else(|| panic!("{name}"));
        (article.published, article.date_origin.clone())
    };
    let metadata = |how: &str| DateOrigin::Metadata(how.to_owned());
    assert_eq!(
        dated("forward.eml"),
        (date(2025, 6, 11), metadata("e-mail Date header"))
    );
    assert_eq!(
        dated("coast.rss#item 1"),
        (date(2025, 6, 13), metadata("feed item’s published date"))
    );
    assert_eq!(
        dated("dump.csv#line 2"),
        (date(2025, 6, 13), metadata("dump column “published_at”"))
    );
    let (pdf_date, pdf_origin) = dated("ferry.pdf");
    assert_eq!(pdf_date, date(2025, 6, 10));
    assert!(
        matches!(pdf_origin, DateOrigin::Detected(_)),
        "{pdf_origin:?}"
    );
    for name in [
        "talks.docx",
        "vote.odt",
        "coast.rss#item 2",
        "dump.csv#line 6",
    ] {
        let (published, origin) = dated(name);
        assert!(
            published.is_some() && origin.is_inferred(),
            "{name} without a date of its own gets one inferred: {origin:?}"
        );
    }
    let facts: serde_json::Value = serde_json::from_str(&dossier::export::facts_json(&ws)).unwrap();
    let on_page_two = facts
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["file"] == "ferry.pdf" && f["text"] == "Marta Velk" && f["page"] == 2);
    assert!(on_page_two, "a fact of the PDF names its page: {facts:#}");
    let project = dir.path().join("ferry.dossier.ron");
    ws.save_as(&project).unwrap();
    let saved = fs::read_to_string(&project).unwrap();
    assert!(saved.contains("pages: [0, "), "page starts are saved");
    let reopened = Workspace::open(&project).unwrap();
    assert!(reopened.problems.is_empty(), "{:?}", reopened.problems);
    assert_eq!(reopened.project().articles, ws.project().articles);
    assert_eq!(reopened.project().facts.len(), ws.project().facts.len());
    for article in &ws.project().articles {
        assert_eq!(
            reopened.text(article.id),
            ws.text(article.id),
            "{}",
            article.path
        );
    }
    // Importing the folder again adds nothing twice.
    let files = scan_folder(dir.path()).unwrap();
    let JobOutput::Imported { articles, .. } = Job::import(files, None).wait() else {
        panic!("cancelled");
    };
    let mut again = reopened;
    let before = again.project().articles.len();
    let duplicates = again
        .execute(Command::AddArticles(articles))
        .unwrap()
        .problems;
    assert_eq!(again.project().articles.len(), before);
    assert!(
        duplicates
            .iter()
            .any(|d| d.ends_with("desk.mbox#3 is already in the project"))
    );
}

/// A valid file of each new format, to be mutated.
fn samples() -> Vec<(Format, Vec<u8>)> {
    vec![
        (Format::Pdf, ferry_pdf()),
        (Format::Docx, documents::docx(&["One line."], "T", "A")),
        (Format::Odt, documents::odt("H", &["One line."])),
        (Format::Email, FERRY_MAIL.as_bytes().to_vec()),
        (Format::Mbox, mailbox(3).into_bytes()),
        (Format::Feed, RSS.as_bytes().to_vec()),
        (Format::Feed, ATOM.as_bytes().to_vec()),
        (Format::Csv, CSV.as_bytes().to_vec()),
        (
            Format::JsonLines,
            br#"{"text": "a", "date": "2025-06-13"}"#.to_vec(),
        ),
    ]
}

/// Checks what a parser gave for arbitrary bytes: no article without text,
/// and each article's pages inside its text.
fn sane(found: Result<FileArticles, ImportError>) -> Result<(), TestCaseError> {
    if let Ok(found) = found {
        for article in &found.articles {
            prop_assert!(!article.text.trim().is_empty());
            prop_assert!(
                article
                    .provenance
                    .pages
                    .iter()
                    .all(|&p| p <= article.text.len())
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), which in 0usize..9) {
        let formats = [Format::Pdf, Format::Docx, Format::Odt, Format::Email, Format::Mbox,
            Format::Feed, Format::Csv, Format::JsonLines, Format::Html];
        sane(parse_file(&bytes, formats[which]))?;
    }

    #[test]
    fn mutated_files_never_panic(
        which in 0usize..9,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let (format, mut bytes) = samples().swap_remove(which);
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        sane(parse_file(&bytes, format))?;
        let end = cut.index(bytes.len() + 1);
        sane(parse_file(&bytes[..end], format))?;
    }
}

#[test]
fn import_progress_counts_files_and_the_megabytes_of_big_ones() {
    let dir = TempDir::new().unwrap();
    let mut mbox = mailbox(1);
    mbox.push_str(
        "From desk@example.org Fri Jun 13 08:00:00 2025\n\
         From: Desk <desk@example.org>\nSubject: Photos\n\
         Content-Type: multipart/mixed; boundary=\"b\"\n\n\
         --b\nContent-Type: text/plain\n\nPhotos of the ferry.\n\
         --b\nContent-Type: image/jpeg; name=\"deck.jpg\"\n\
         Content-Transfer-Encoding: base64\n\n",
    );
    for _ in 0..40_000 {
        mbox.push_str("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w\n");
    }
    mbox.push_str("--b--\n");
    let big = write(dir.path(), "photos.mbox", mbox.as_bytes());
    let small = write(dir.path(), "note.txt", b"A plain note about the ferry.\n");
    let megabytes = fs::metadata(&big).unwrap().len() / (1024 * 1024);
    assert!(megabytes >= 2);
    let job = Job::import(vec![big, small], None);
    assert_eq!(job.progress().1 as u64, megabytes + 2);
    let JobOutput::Imported { articles, skipped } = job.wait() else {
        panic!("cancelled");
    };
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(articles.len(), 3);
    let photos = &articles[1].provenance;
    assert_eq!(photos.part, "2");
    assert!(
        photos
            .notes
            .iter()
            .any(|n| n.starts_with("attachment “deck.jpg” (image/jpeg, "))
    );
}
