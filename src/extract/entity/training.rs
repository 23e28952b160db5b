//! Trains the entity model from corpora in CoNLL column format (one token and its tag per line,
//! a blank line between sentences, `-DOCSTART-` between documents). Each document is rebuilt as
//! text, tokens joined by spaces and one sentence per line, and run through the same tokeniser,
//! rules and features as at extraction time, so the model learns on exactly what it will see.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::features::word_ids;
use super::perceptron::{Model, Tag, Trainer};
use super::resolve::Label;
use super::tagger::{self, Scorer};
use super::{Document, token::Kind};

/// One training document: its text and its gold names as byte spans with labels.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingDoc {
    text: String,
    names: Vec<(usize, usize, Label)>,
}

/// Reads the documents of one CoNLL-format file. Tags may be IOB1 or IOB2 (`I-PER`, `B-PER`);
/// labels other than PER, ORG, LOC and MISC count as outside. A file without `-DOCSTART-` lines
/// holds independent sentences (tweets), each its own document.
pub fn read_conll(content: &str) -> Vec<TrainingDoc> {
    let has_docs = content.lines().any(|l| l.starts_with("-DOCSTART-"));
    let mut docs = Vec::new();
    let mut builder = DocBuilder::default();
    for line in content.lines() {
        let line = line.trim();
        if line.starts_with("-DOCSTART-") {
            docs.extend(builder.finish());
            continue;
        }
        if line.is_empty() {
            builder.end_sentence();
            if !has_docs {
                docs.extend(builder.finish());
            }
            continue;
        }
        let mut fields = line.split_whitespace();
        let (Some(word), Some(tag)) = (fields.next(), fields.next_back()) else {
            continue;
        };
        builder.push(word, tag);
    }
    docs.extend(builder.finish());
    docs
}

/// Builds one document's text and names token by token.
#[derive(Default)]
struct DocBuilder {
    text: String,
    names: Vec<(usize, usize, Label)>,
    open: Option<(usize, usize, Label)>,
    sentence_open: bool,
}

impl DocBuilder {
    fn push(&mut self, word: &str, tag: &str) {
        if self.sentence_open {
            self.text.push(' ');
        }
        self.sentence_open = true;
        let start = self.text.len();
        self.text.push_str(word);
        let end = self.text.len();
        let (begins, label) = match tag.split_once('-') {
            Some(("B", l)) => (true, parse_label(l)),
            Some(("I", l)) => (false, parse_label(l)),
            _ => (false, None),
        };
        match (label, self.open.as_mut()) {
            (Some(l), Some(open)) if !begins && open.2 == l => open.1 = end,
            (Some(l), _) => {
                self.close();
                self.open = Some((start, end, l));
            }
            (None, _) => self.close(),
        }
    }

    fn close(&mut self) {
        self.names.extend(self.open.take());
    }

    fn end_sentence(&mut self) {
        self.close();
        if self.sentence_open {
            self.text.push('\n');
            self.sentence_open = false;
        }
    }

    fn finish(&mut self) -> Option<TrainingDoc> {
        self.end_sentence();
        let doc = TrainingDoc {
            text: std::mem::take(&mut self.text),
            names: std::mem::take(&mut self.names),
        };
        (!doc.text.trim().is_empty()).then_some(doc)
    }
}

fn parse_label(label: &str) -> Option<Label> {
    match label {
        "PER" => Some(Label::Per),
        "ORG" => Some(Label::Org),
        "LOC" => Some(Label::Loc),
        "MISC" => Some(Label::Misc),
        _ => None,
    }
}

/// The gold tag of each token of `document`: a token inside a gold name is tagged with its
/// label, the first such token as the beginning.
fn gold_tags(document: &Document<'_>, names: &[(usize, usize, Label)]) -> Vec<Tag> {
    let mut tags = vec![Tag::O; document.tokens.len()];
    let mut next = 0;
    for (i, t) in document.tokens.iter().enumerate() {
        while next < names.len() && names[next].1 <= t.start {
            next += 1;
        }
        let Some(&(start, end, label)) = names.get(next) else {
            break;
        };
        if t.start >= start && t.end <= end {
            let begins = i == 0 || tags[i - 1].label() != Some(label) || t.start == start;
            tags[i] = if begins {
                Tag::begin(label)
            } else {
                Tag::inside(label)
            };
        }
    }
    tags
}

/// Settings of one training run.
#[derive(Debug, Clone)]
pub struct TrainingOptions {
    /// Passes over the training documents.
    pub epochs: usize,
    /// The fixed score the trained model adds to the rules' tag of each token when it tags
    /// text: how far it trusts the rules. Training itself decodes without it.
    pub rule_prior: f32,
    /// A folder of `*.txt` documents with a `gold.jsonl` of names to score after each pass.
    pub dev: Option<PathBuf>,
}

/// F1 of exact name spans and labels, overall and per label.
#[derive(Debug, Clone, Default)]
struct Scores {
    counts: BTreeMap<&'static str, (usize, usize, usize)>,
}

impl Scores {
    fn add(&mut self, label: &'static str, found: usize, gold: usize, right: usize) {
        for key in ["ALL", label] {
            let c = self.counts.entry(key).or_default();
            c.0 += found;
            c.1 += gold;
            c.2 += right;
        }
    }

    /// The F1 of `label` ("ALL" for every label together).
    fn f1(&self, label: &str) -> f64 {
        let Some(&(found, gold, right)) = self.counts.get(label) else {
            return 0.0;
        };
        if found + gold == 0 {
            return 0.0;
        }
        2.0 * right as f64 / (found + gold) as f64
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = ["ALL", "PER", "ORG", "LOC", "MISC"]
            .iter()
            .map(|label| format!("{label} {:.4}", self.f1(label)))
            .collect();
        write!(f, "{}", parts.join(" "))
    }
}

/// A document of the dev set with its gold names (code-point offsets, as in the eval files).
struct DevDoc {
    text: String,
    gold: Vec<(usize, usize, String)>,
}

/// Reads a dev folder: `*.txt` files and `gold.jsonl` lines with `doc`, `start`, `end`, `label`.
fn read_dev(dir: &Path) -> Result<Vec<DevDoc>, String> {
    let gold_path = dir.join("gold.jsonl");
    let gold_text = std::fs::read_to_string(&gold_path)
        .map_err(|e| format!("cannot read {}: {e}", gold_path.display()))?;
    let mut gold: BTreeMap<String, Vec<(usize, usize, String)>> = BTreeMap::new();
    for (n, line) in gold_text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("{} line {}: {e}", gold_path.display(), n + 1))?;
        let field = |k: &str| {
            v.get(k)
                .and_then(serde_json::Value::as_u64)
                .map(|x| x as usize)
        };
        let (Some(doc), Some(start), Some(end), Some(label)) = (
            v.get("doc").and_then(serde_json::Value::as_str),
            field("start"),
            field("end"),
            v.get("label").and_then(serde_json::Value::as_str),
        ) else {
            return Err(format!(
                "{} line {}: missing fields",
                gold_path.display(),
                n + 1
            ));
        };
        gold.entry(doc.to_owned())
            .or_default()
            .push((start, end, label.to_owned()));
    }
    let mut docs = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        docs.push(DevDoc {
            text,
            gold: gold.remove(name).unwrap_or_default(),
        });
    }
    Ok(docs)
}

/// Scores the names `scorer` finds in the dev documents.
fn score_dev(scorer: &impl Scorer, dev: &[DevDoc]) -> Scores {
    let mut scores = Scores::default();
    for d in dev {
        let document = Document::new(&d.text);
        let spans = document.model_spans_afresh(scorer);
        let code_point = |byte: usize| d.text[..byte].chars().count();
        let found: Vec<(usize, usize, &str)> = spans
            .iter()
            .map(|s| {
                let start = code_point(document.tokens[s.first].start);
                let end = code_point(document.tokens[s.last].end);
                (start, end, s.label.as_str())
            })
            .collect();
        for label in [Label::Per, Label::Org, Label::Loc, Label::Misc] {
            let l = label.as_str();
            let mine: Vec<_> = found.iter().filter(|f| f.2 == l).collect();
            let gold: Vec<_> = d.gold.iter().filter(|g| g.2 == l).collect();
            let right = mine
                .iter()
                .filter(|m| gold.iter().any(|g| g.0 == m.0 && g.1 == m.1))
                .count();
            scores.add(l, mine.len(), gold.len(), right);
        }
    }
    scores
}

/// What a training run did.
pub struct TrainingReport {
    /// The weights file's bytes.
    pub model: Vec<u8>,
    /// How many features the model keeps.
    pub features: usize,
    /// Tokens per pass.
    pub tokens: usize,
}

/// Trains a model on `docs`, reporting progress lines through `progress`.
pub fn train(
    docs: &[TrainingDoc],
    options: &TrainingOptions,
    mut progress: impl FnMut(&str),
) -> Result<TrainingReport, String> {
    let dev = options.dev.as_deref().map(read_dev).transpose()?;
    let prepared: Vec<_> = docs
        .iter()
        .filter_map(|d| {
            let document = Document::new(&d.text);
            let has_words = document.tokens.iter().any(|t| t.kind == Kind::Word);
            has_words.then(|| (document.features(), gold_tags(&document, &d.names)))
        })
        .collect();
    let tokens: usize = prepared.iter().map(|(f, _)| f.len()).sum();
    progress(&format!(
        "{} documents, {tokens} tokens, {} gold names",
        prepared.len(),
        docs.iter().map(|d| d.names.len()).sum::<usize>()
    ));
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for epoch in 1..=options.epochs {
        shuffle(&mut order, &mut seed);
        let mut wrong = 0usize;
        for &d in &order {
            let (features, gold) = &prepared[d];
            let mut updates = Vec::new();
            let word_scores = tagger::word_scores(&trainer, features.words());
            tagger::decode(&trainer, features, &word_scores, |i, context, guess| {
                if guess != gold[i] {
                    wrong += 1;
                }
                let mut feats = word_ids(features.text(i)).to_vec();
                feats.extend_from_slice(context);
                updates.push((feats, gold[i], guess));
            });
            for (feats, truth, guess) in updates {
                trainer.update(&feats, truth, guess);
            }
        }
        let mut line = format!(
            "pass {epoch}: {:.2}% of tokens mistagged",
            100.0 * wrong as f64 / tokens.max(1) as f64
        );
        if let Some(dev) = &dev {
            let scores = score_dev(&trusting(&trainer, options.rule_prior), dev);
            line.push_str(&format!("; dev {scores}"));
        }
        progress(&line);
    }
    let model = trusting(&trainer, options.rule_prior);
    Ok(TrainingReport {
        features: model.len(),
        model: model.to_bytes(),
        tokens,
    })
}

/// The averaged model, set to trust the rules by `rule_prior`.
fn trusting(trainer: &Trainer, rule_prior: f32) -> Model {
    let mut model = trainer.averaged();
    model.rule_prior = rule_prior;
    model
}

/// A Fisher-Yates shuffle driven by a fixed xorshift seed, so a training run is repeatable.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn reading_any_corpus_never_panics_and_names_stay_in_the_text(
            content in "([A-Za-z.'-]{1,8}[ \t]{1,2}(O|B-PER|I-ORG|B-LOC|I-MISC|I-XYZ|-)\n|\n|-DOCSTART- O\n){0,40}"
        ) {
            for doc in read_conll(&content) {
                for (start, end, _) in &doc.names {
                    prop_assert!(start < end && *end <= doc.text.len());
                    prop_assert!(doc.text.is_char_boundary(*start) && doc.text.is_char_boundary(*end));
                }
                let document = Document::new(&doc.text);
                prop_assert_eq!(gold_tags(&document, &doc.names).len(), document.tokens.len());
            }
        }
    }

    #[test]
    fn reads_iob1_and_iob2_documents() {
        let iob1 = "-DOCSTART- O\n\nAnna I-PER\nBerg I-PER\nvisited O\nOslo I-LOC\n.\tO\n\n-DOCSTART- O\n\nACME I-ORG\nB-ORG B-ORG\n";
        let docs = read_conll(iob1);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "Anna Berg visited Oslo .\n");
        assert_eq!(
            docs[0].names,
            vec![(0, 9, Label::Per), (18, 22, Label::Loc)]
        );
        assert_eq!(docs[1].names, vec![(0, 4, Label::Org), (5, 10, Label::Org)]);
        let tweets =
            "I\tO\nlove\tO\nParis\tB-LOC\n\nGo\tO\nNew\tB-ORG\nYork\tI-ORG\nKnicks\tI-ORG\n";
        let docs = read_conll(tweets);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].names, vec![(3, 18, Label::Org)]);
    }

    #[test]
    fn gold_tags_follow_the_tokeniser() {
        let doc =
            &read_conll("-DOCSTART- O\n\nMoscow I-LOC\n's O\nMs. O\nAnna I-PER\nBerg I-PER\n")[0];
        let document = Document::new(&doc.text);
        let tags: Vec<(&str, &str)> = document
            .tokens
            .iter()
            .zip(gold_tags(&document, &doc.names))
            .map(|(t, g)| (t.text, g.name()))
            .collect();
        assert_eq!(
            tags,
            vec![
                ("Moscow", "B-LOC"),
                ("'", "O"),
                ("s", "O"),
                ("Ms.", "O"),
                ("Anna", "B-PER"),
                ("Berg", "I-PER")
            ]
        );
    }

    #[test]
    fn training_learns_the_corpus() {
        let sentence =
            "-DOCSTART- O\n\nZorblat I-ORG\nhired O\nQuanmir I-PER\nin O\nVelkaro I-LOC\n.\tO\n\n";
        let docs = read_conll(&sentence.repeat(6));
        let options = TrainingOptions {
            epochs: 4,
            rule_prior: 0.0,
            dev: None,
        };
        let report = train(&docs, &options, |_| ()).unwrap();
        assert!(
            report.features > 0 && report.tokens == 36,
            "{}",
            report.tokens
        );
        let model = Model::from_bytes(&report.model).unwrap();
        let document = Document::new("Zorblat hired Quanmir in Velkaro .\n");
        let found: Vec<(&str, &str)> = document
            .model_spans_afresh(&model)
            .iter()
            .map(|s| (document.tokens[s.first].text, s.label.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![("Zorblat", "ORG"), ("Quanmir", "PER"), ("Velkaro", "LOC")]
        );
    }
}
