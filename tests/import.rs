//! The importers against real files: formats, encodings, bad input, a 50 MB
//! article, the metadata sheet, folder scanning and the five seed articles.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use dossier::import::{
    Format, ImportError, ImportedArticle, SheetRow, parse_article, parse_sheet, read_article,
    read_sheet, scan_folder,
};
use dossier::model::DateOrigin;
use proptest::prelude::*;
use tempfile::TempDir;

/// Writes `bytes` to `name` in `dir` and returns the path.
fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create folder");
    }
    fs::write(&path, bytes).expect("write file");
    path
}

/// Imports `bytes` as a file called `name`.
fn import(name: &str, bytes: &[u8]) -> Result<ImportedArticle, ImportError> {
    let dir = TempDir::new().expect("temp dir");
    read_article(&write(&dir, name, bytes))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn imports_plain_text() {
    let text =
        "Prisoner swap agreed\r\nKYIV, May 20, 2025 (Reuters) - Ukraine and Russia agreed…\r\n";
    let article = import("swap.txt", text.as_bytes()).expect("imports");
    assert_eq!(article.text, text.replace("\r\n", "\n"));
    assert_eq!(article.title, "Prisoner swap agreed");
    assert_eq!(article.outlet, "Reuters");
    assert_eq!(article.published, date(2025, 5, 20));
    assert_eq!(
        article.date_origin,
        DateOrigin::Detected("dateline".to_owned())
    );
    assert_eq!(article.encoding, "UTF-8");
}

#[test]
fn imports_markdown() {
    let text = "## **Talks in Istanbul**\n\nhttps://www.kyivindependent.com/talks/\n\nThe delegations met.\n\nUpdated: 21 May 2025\n";
    let article = import("talks.MD", text.as_bytes()).expect("imports");
    assert_eq!(article.text, text);
    assert_eq!(article.title, "Talks in Istanbul");
    assert_eq!(article.outlet, "kyivindependent.com");
    assert_eq!(article.url, "https://www.kyivindependent.com/talks/");
    assert_eq!(article.published, date(2025, 5, 21));
    assert_eq!(
        article.date_origin,
        DateOrigin::Detected("“Updated” line".to_owned())
    );
}

#[test]
fn imports_html() {
    let html = r#"<!DOCTYPE html>
<html><head>
  <title>Swap agreed &ndash; Example News</title>
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2025-05-20T09:30:00+03:00">
  <link rel="canonical" href="https://www.example.com/swap">
  <style>p { color: red }</style>
  <script>document.write("<p>not text</p>")</script>
</head>
<body>
  <!-- navigation <p>hidden</p> -->
  <h1>Swap   agreed</h1>
  <p>Kyiv&rsquo;s minister said &ldquo;1,000 for 1,000&rdquo; &amp; more&hellip;</p>
  <ul><li>one</li><li>two</li></ul>
  <noscript>Please enable JavaScript</noscript>
</body></html>"#;
    let article = import("swap.html", html.as_bytes()).expect("imports");
    assert_eq!(
        article.text,
        "Swap agreed\n\nKyiv’s minister said “1,000 for 1,000” & more…\n\none\ntwo"
    );
    assert_eq!(article.title, "Swap agreed – Example News");
    assert_eq!(article.outlet, "Example News");
    assert_eq!(article.url, "https://www.example.com/swap");
    assert_eq!(article.published, date(2025, 5, 20));
    assert_eq!(
        article.date_origin,
        DateOrigin::Metadata("<meta property=\"article:published_time\">".to_owned())
    );
}

#[test]
fn imports_malformed_html() {
    let html = b"<html><body><p>Less: 3 < 5 and <b>bold <i>never closed<p>next</div></span> tail <a href='x";
    let article = import("broken.htm", html).expect("imports");
    assert_eq!(
        article.text,
        "Less: 3 < 5 and bold never closed\n\nnext\ntail"
    );
    assert_eq!(article.title, "Less: 3 < 5 and bold never closed");
}

#[test]
fn decodes_latin1_and_declared_charsets() {
    let article = import("latin.txt", b"Caf\xE9 in Z\xFCrich \x93quoted\x94\n").expect("imports");
    assert_eq!(article.text, "Café in Zürich “quoted”\n");
    assert_eq!(article.encoding, "windows-1252");
    let html = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
    let article = import("cyrillic.html", html).expect("imports");
    assert_eq!(article.text, "Привет");
    assert_eq!(article.encoding, "KOI8-R");
}

#[test]
fn decodes_utf16_with_bom() {
    let text = "Title\r\nКиїв, 20 травня\r\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for (bytes, encoding) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
        let article = import("utf16.txt", &bytes).expect("imports");
        assert_eq!(article.text, "Title\nКиїв, 20 травня\n");
        assert_eq!(article.title, "Title");
        assert_eq!(article.encoding, encoding);
    }
}

#[test]
fn refuses_binary_files_clearly() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    let error = import("photo.txt", png).expect_err("binary");
    assert!(matches!(error.cause(), ImportError::Binary), "{error:?}");
    assert_eq!(
        error.to_string(),
        "photo.txt: looks like a binary file, not text"
    );
}

#[test]
fn refuses_empty_files() {
    for bytes in [
        &b""[..],
        b"  \r\n\t\n",
        b"<html><head><title>Only a title</title></head><body> </body></html>",
    ] {
        let error = import("empty.html", bytes).expect_err("empty");
        assert!(matches!(error.cause(), ImportError::Empty), "{error:?}");
        assert!(
            error
                .to_string()
                .starts_with("empty.html: the file is empty"),
            "{error}"
        );
    }
}

#[test]
fn reports_missing_and_unsupported_files() {
    let missing = read_article(Path::new("/no/such/folder/article.txt")).expect_err("missing");
    assert!(matches!(missing, ImportError::Io { .. }));
    assert!(missing.to_string().contains("article.txt"), "{missing}");
    let unsupported = read_article(Path::new("report.doc")).expect_err("unsupported");
    assert!(
        unsupported
            .to_string()
            .contains("not a supported article file"),
        "{unsupported}"
    );
}

#[test]
fn refuses_files_over_the_limit_without_reading_them() {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).expect("create");
    file.set_len(65 * 1024 * 1024).expect("sparse file");
    let error = read_article(&path).expect_err("too large");
    assert!(
        matches!(error.cause(), ImportError::TooLarge { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("limit is 64 MB"), "{error}");
}

#[test]
fn imports_a_50_mb_article() {
    let line =
        "Ukraine and Russia exchanged 1,000 prisoners each, officials said on Friday in Kyiv.\n";
    let mut text = String::from("Fifty megabytes\nPublished: 2025-05-20\n");
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    let dir = TempDir::new().expect("temp dir");
    let path = write(&dir, "big.txt", text.as_bytes());
    let started = Instant::now();
    let article = read_article(&path).expect("imports");
    eprintln!("50 MB article imported in {:?}", started.elapsed());
    assert_eq!(article.text.len(), text.len());
    assert_eq!(article.title, "Fifty megabytes");
    assert_eq!(article.published, date(2025, 5, 20));
}

#[test]
fn reads_metadata_sheets() {
    let dir = TempDir::new().expect("temp dir");
    let csv = "file,title,outlet,url,published\r\n\
               a.txt,\"Swap, agreed\",Reuters,https://reuters.com/a,2025-05-20\r\n\
               b.md,\"He said \"\"yes\"\"\",,,\"May 19, 2025\"\r\n";
    let rows = read_sheet(&write(&dir, "meta.csv", csv.as_bytes())).expect("reads");
    assert_eq!(
        rows,
        vec![
            SheetRow {
                file: "a.txt".to_owned(),
                title: Some("Swap, agreed".to_owned()),
                outlet: Some("Reuters".to_owned()),
                url: Some("https://reuters.com/a".to_owned()),
                published: date(2025, 5, 20),
            },
            SheetRow {
                file: "b.md".to_owned(),
                title: Some("He said \"yes\"".to_owned()),
                published: date(2025, 5, 19),
                ..SheetRow::default()
            },
        ]
    );
    let tsv = b"File\tDate\tTitle\nc.html\t20 May 2025\tZ\xFCrich talks\n";
    let rows = read_sheet(&write(&dir, "meta.tsv", tsv)).expect("reads");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].title.as_deref(), Some("Zürich talks"));
    assert_eq!(rows[0].published, date(2025, 5, 20));
}

#[test]
fn sheet_errors_name_row_and_value() {
    let dir = TempDir::new().expect("temp dir");
    let path = write(
        &dir,
        "meta.csv",
        b"file,date\na.txt,2025-05-20\nb.txt,next Friday\n",
    );
    let error = read_sheet(&path).expect_err("bad date");
    assert!(
        matches!(error.cause(), ImportError::SheetBadDate { row: 3, .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.starts_with("meta.csv: row 3") && message.contains("“next Friday”"),
        "{message}"
    );
    let error = parse_sheet("title,date\nx,2025-05-20\n").expect_err("no file column");
    assert!(matches!(error, ImportError::SheetNoFileColumn));
}

#[cfg(unix)]
#[test]
fn scans_folders() {
    let dir = TempDir::new().expect("temp dir");
    for name in [
        "b.txt",
        "a.HTML",
        "notes.doc",
        "metadata.csv",
        "dump.csv",
        ".hidden.txt",
        "sub/c.md",
        "sub/deeper/d.htm",
        ".git/e.txt",
    ] {
        write(&dir, name, b"text");
    }
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).expect("symlink");
    let found = scan_folder(dir.path()).expect("scans");
    let relative: Vec<String> = found
        .iter()
        .filter_map(|p| p.strip_prefix(dir.path()).ok())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        relative,
        [
            "a.HTML",
            "b.txt",
            "dump.csv",
            "sub/c.md",
            "sub/deeper/d.htm"
        ]
    );
    assert!(scan_folder(&dir.path().join("missing")).is_err());
}

#[test]
fn reads_outlets_and_dates_as_news_pages_show_them() {
    let jsonld = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
        "datePublished":"2025-05-21T07:00:00Z","publisher":{"@type":"Organization",
        "name":"Northwind Herald"}}</script></head><body><h1>Pier closed</h1>
        <p>Photo: <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></p>
        <p>The pier closed.</p></body></html>"#;
    let table: [(&str, &str, &str, Option<NaiveDate>, DateOrigin); 5] = [
        (
            "harbour.txt",
            "Harbour reopens\nLakeside • UNN\nToday, 25 May 2025\n\nThe harbour reopened.\n",
            "UNN",
            date(2025, 5, 25),
            DateOrigin::Detected("“Today” line".to_owned()),
        ),
        (
            "bridge.html",
            jsonld,
            "Northwind Herald",
            date(2025, 5, 21),
            DateOrigin::Metadata("JSON-LD “datePublished”".to_owned()),
        ),
        (
            "closed.txt",
            "Pier closed\nImage: https://creativecommons.org/licenses/by/4.0/\n\
             LAKESIDE, October 9 (Kyodo) — The pier closed.\n",
            "Kyodo",
            None,
            DateOrigin::Unknown,
        ),
        (
            "dam.md",
            "# Dam inspected\n\nhttps://www.lakeside-courier.example/news/2025/05/19/dam/\n\nBody.\n",
            "lakeside-courier.example",
            date(2025, 5, 19),
            DateOrigin::Detected("date in the article’s URL".to_owned()),
        ),
        (
            "wire.txt",
            "Ferry delayed\n\nXinhua Port Alder Published 19.05.25, 06:40 PM\n\nThe ferry was delayed.\n",
            "Xinhua",
            date(2025, 5, 19),
            DateOrigin::Detected("“Published” line".to_owned()),
        ),
    ];
    for (name, page, outlet, published, origin) in table {
        let article = import(name, page.as_bytes()).expect("imports");
        assert_eq!(article.outlet, outlet, "{name}");
        assert_eq!(article.published, published, "{name}");
        assert_eq!(article.date_origin, origin, "{name}");
    }
}

#[test]
fn imports_the_seed_articles() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let expected = [
        (
            "000_0b2518abd44a6d31.txt",
            "Ukraine’s Defense Minister Rustem Muradov confirmed the establishment of a step-by-step plan to implement the Kiev-Moscow agreement on prisoner exchanges, adhering to a ‘1,000 for 1,000’ formula.",
        ),
        (
            "001_b1358e757e5f7fa0.txt",
            "Ukraine’s Defense Minister Confirms Finalized ‘1,000 for 1,000’ Prisoner Exchange Agreement with Russia",
        ),
        (
            "002_8d9ef33f1eca3d55.txt",
            "Ukraine’s Defense Minister Confirms Finalized Plan for Kiev-Moscow Prisoner Exchange Agreement Revealed in Classified Communication",
        ),
        (
            "003_a151e28ef549cfb6.txt",
            "Russia and Ukraine Agree on 1,000-for-1,000 Prisoner Exchange",
        ),
        (
            "004_7d003c453a5a3f56.txt",
            "Russia’s lead negotiator, Vladimir Medinsky, has said the exchange with Ukraine will take place between June 7 and 9",
        ),
    ];
    for (file, title) in expected {
        let path = seeds.join(file);
        let article = read_article(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(article.title, title, "{file}");
        assert_eq!(article.published, None, "{file}");
        assert_eq!(article.date_origin, DateOrigin::Unknown, "{file}");
        assert_eq!(article.encoding, "UTF-8", "{file}");
        let on_disk = fs::read_to_string(&path).expect("seed is UTF-8");
        assert_eq!(article.text, on_disk, "{file}: text must stay as on disk");
    }
}

/// Checks what must hold for every successful import.
fn check_article(article: &ImportedArticle) -> Result<(), TestCaseError> {
    prop_assert!(!article.text.trim().is_empty());
    prop_assert!(!article.text.contains('\r'));
    prop_assert!(!article.title.contains('\n'));
    prop_assert_eq!(
        article.published.is_some(),
        article.date_origin != DateOrigin::Unknown
    );
    Ok(())
}

proptest! {
    // Failing cases are printed, not saved next to the sources.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parse_article_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        for format in [Format::Text, Format::Markdown, Format::Html] {
            if let Ok(article) = parse_article(&bytes, format) {
                check_article(&article)?;
            }
        }
    }

    #[test]
    fn parse_article_never_panics_on_text(text in "\\PC*") {
        for format in [Format::Text, Format::Markdown, Format::Html] {
            if let Ok(article) = parse_article(text.as_bytes(), format) {
                check_article(&article)?;
            }
        }
    }

    #[test]
    fn parse_article_never_panics_on_html_like_text(
        text in "(<[a-zA-Z/!?-]{0,6}|[ a-z=\"'>&;#x0-9\n\r]|é|’|<!--|-->|&[a-z]{2,6};){0,60}",
    ) {
        if let Ok(article) = parse_article(text.as_bytes(), Format::Html) {
            check_article(&article)?;
        }
    }

    #[test]
    fn parse_sheet_never_panics(text in "\\PC*") {
        let _ = parse_sheet(&text);
    }

    #[test]
    fn parse_sheet_never_panics_on_csv_like_text(text in "([a-z0-9 ,;\t\"\n\r-]|file|date|é){0,80}") {
        if let Ok(rows) = parse_sheet(&text) {
            for row in rows {
                prop_assert!(!row.file.is_empty());
            }
        }
    }
}
