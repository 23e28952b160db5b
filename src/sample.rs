//! The bundled sample dossier: the five seed articles of the project, which
//! disagree on purpose (Muradov vs Umerov, 1,000 vs about 1,200 …).

use std::path::{Path, PathBuf};

/// The sample's files, built into the binary so it opens from anywhere.
const FILES: [(&str, &str); 6] = [
    (
        "000_0b2518abd44a6d31.txt",
        include_str!("../assets/sample/000_0b2518abd44a6d31.txt"),
    ),
    (
        "001_b1358e757e5f7fa0.txt",
        include_str!("../assets/sample/001_b1358e757e5f7fa0.txt"),
    ),
    (
        "002_8d9ef33f1eca3d55.txt",
        include_str!("../assets/sample/002_8d9ef33f1eca3d55.txt"),
    ),
    (
        "003_a151e28ef549cfb6.txt",
        include_str!("../assets/sample/003_a151e28ef549cfb6.txt"),
    ),
    (
        "004_7d003c453a5a3f56.txt",
        include_str!("../assets/sample/004_7d003c453a5a3f56.txt"),
    ),
    (
        "metadata.csv",
        include_str!("../assets/sample/metadata.csv"),
    ),
];

/// The sample folder: `assets/sample` of the source tree when it is there,
/// otherwise a copy written into `data_dir`.
pub fn sample_dir(data_dir: &Path) -> std::io::Result<PathBuf> {
    let in_tree = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("sample");
    if in_tree.is_dir() {
        return Ok(in_tree);
    }
    let copy = data_dir.join("sample");
    std::fs::create_dir_all(&copy)?;
    for (name, text) in FILES {
        let path = copy.join(name);
        if !path.exists() {
            std::fs::write(path, text)?;
        }
    }
    Ok(copy)
}
