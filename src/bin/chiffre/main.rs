//! The chiffre command line.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "figures" {
        let text = std::fs::read_to_string(&args[2]).unwrap();
        let lang: chiffre::LangMode = args.get(3).map(|s| s.parse().unwrap()).unwrap_or_default();
        let kinds = args.get(4).map(|s| s.parse().unwrap()).unwrap_or_default();
        for f in chiffre::extract(&text, &chiffre::Options { lang, kinds }) {
            println!("{:>6}..{:<6} {:40} {}  {:?} {:?}", f.start, f.end, format!("{:?}", f.text(&text)), f.figure, f.figure.polarity(), f.figure.inferred());
        }
        return;
    }
    let lang: chiffre::LangMode = args.get(3).map(|s| s.parse().unwrap()).unwrap_or_default();
    match chiffre::parse(&args[2], lang) {
        Ok(f) => println!("{}  {}", f, serde_json::to_string(&f).unwrap()),
        Err(e) => { eprintln!("error: {e}"); std::process::exit(1) }
    }
}
