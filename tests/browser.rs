//! The report in a real browser: headless Chromium, driven through the
//! DevTools protocol, loads the report of the bundled example articles, and
//! the test reads the rendered DOM (not the HTML source): the figures and
//! check rows with their attributes, the table across documents, the
//! tooltip shown on keyboard focus, a check row outlining its figures on a
//! click and on Enter, a phone-width layout without horizontal scrolling,
//! the print stylesheet, and no console error. It saves a screenshot as
//! `target/tmp/report.png` (the README's `docs/report.png`).
//!
//! Compiled as ignored, with the reason, when build.rs finds no Chromium
//! (`$CHROME`, `chromium` or `chromium-browser`); CI installs one.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

/// How long any one answer of the browser may take.
const STEP: Duration = Duration::from_secs(30);
/// How long the whole test may take.
const DEADLINE: Duration = Duration::from_secs(180);

/// A running browser with a fresh profile; killed (and its profile
/// removed) on every path out of the test.
struct Browser {
    child: Child,
    profile: PathBuf,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn chromium_path() -> PathBuf {
    std::env::var_os("CHROME")
        .map(PathBuf::from)
        .or_else(|| option_env!("CHIFFRE_CHROMIUM").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("chromium"))
}

/// Starts the browser and returns it with its DevTools websocket address.
fn launch(tmp: &Path) -> (Browser, String) {
    let profile = tmp.join(format!("chromium-profile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::create_dir_all(&profile).unwrap();
    let mut child = Command::new(chromium_path())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--remote-debugging-port=0",
            "--window-size=1280,900",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", chromium_path().display()));
    let stderr = child.stderr.take().unwrap();
    let browser = Browser { child, profile };
    // Read stderr on a thread (to the end, so the browser never blocks on
    // it) and hand over the DevTools line.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut sent = false;
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if sent {
                continue;
            }
            if let Some(url) = line.strip_prefix("DevTools listening on ") {
                let _ = tx.send(url.trim().to_string());
                sent = true;
            }
        }
    });
    let url = rx
        .recv_timeout(STEP)
        .expect("chromium printed no 'DevTools listening on ws://...' line");
    (browser, url)
}

/// A DevTools connection: commands with ids, and the events seen meanwhile.
struct Devtools {
    ws: WebSocket<TcpStream>,
    next: u64,
    session: Option<String>,
    events: Vec<Value>,
    start: Instant,
}

impl Devtools {
    fn connect(url: &str) -> Devtools {
        let host = url
            .strip_prefix("ws://")
            .and_then(|r| r.split('/').next())
            .expect("a ws:// address");
        let stream = TcpStream::connect(host).expect("the DevTools port answers");
        stream.set_read_timeout(Some(STEP)).unwrap();
        stream.set_write_timeout(Some(STEP)).unwrap();
        let (ws, _) = tungstenite::client(url, stream).expect("the websocket handshake");
        Devtools {
            ws,
            next: 0,
            session: None,
            events: Vec::new(),
            start: Instant::now(),
        }
    }

    /// The next message of the browser (an answer or an event).
    fn read(&mut self) -> Value {
        assert!(
            self.start.elapsed() < DEADLINE,
            "the browser test took longer than {DEADLINE:?}"
        );
        loop {
            match self.ws.read() {
                Ok(Message::Text(t)) => return serde_json::from_str(t.as_str()).unwrap(),
                Ok(_) => continue,
                Err(e) => panic!("no answer from the browser within {STEP:?}: {e}"),
            }
        }
    }

    /// Sends a command (to the page's session once attached) and waits for
    /// its answer; events that come first are kept.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = &self.session {
            msg["sessionId"] = json!(s);
        }
        self.ws
            .send(Message::text(msg.to_string()))
            .expect("a command is sent");
        loop {
            let v = self.read();
            if v["id"] == id {
                assert!(v.get("error").is_none(), "{method}: {}", v["error"]);
                return v["result"].clone();
            }
            self.events.push(v);
        }
    }

    /// Waits for an event (or finds it among those already seen).
    fn wait_for(&mut self, method: &str) -> Value {
        if let Some(i) = self.events.iter().position(|e| e["method"] == method) {
            return self.events.remove(i);
        }
        loop {
            let v = self.read();
            if v["method"] == method {
                return v;
            }
            self.events.push(v);
        }
    }

    /// Evaluates a JavaScript expression in the page; its value as JSON.
    fn eval(&mut self, expression: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        );
        assert!(
            r.get("exceptionDetails").is_none(),
            "{expression}: {}",
            r["exceptionDetails"]
        );
        r["result"]["value"].clone()
    }

    fn key(&mut self, key: &str, code: &str, vk: u32) {
        for t in ["keyDown", "keyUp"] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({"type": t, "key": key, "code": code, "windowsVirtualKeyCode": vk}),
            );
        }
    }

    fn click(&mut self, x: f64, y: f64) {
        for t in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": t, "x": x, "y": y, "button": "left", "clickCount": 1}),
            );
        }
    }

    /// The errors the page reported: console errors, uncaught exceptions,
    /// and log entries of level error (a refused script or request).
    fn errors(&self) -> Vec<&Value> {
        self.events
            .iter()
            .filter(|e| match e["method"].as_str() {
                Some("Runtime.exceptionThrown") => true,
                Some("Runtime.consoleAPICalled") => {
                    matches!(e["params"]["type"].as_str(), Some("error" | "assert"))
                }
                Some("Log.entryAdded") => e["params"]["entry"]["level"] == "error",
                _ => false,
            })
            .collect()
    }
}

fn chiffre(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chiffre"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn jsonl(args: &[&str]) -> Vec<Value> {
    let o = chiffre(args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The figures as the browser has them: `{doc, id, kind, value, min, max,
/// currency, unit, start, end, text, tab}`.
const FIGURES_JS: &str = r##"[...document.querySelectorAll("mark.fig")].map(m => ({
  doc: m.closest("section.doc").querySelector("h2").textContent,
  id: m.id, kind: m.dataset.kind, value: m.dataset.value ?? null,
  min: m.dataset.min ?? null, max: m.dataset.max ?? null,
  currency: m.dataset.currency ?? null, unit: m.dataset.unit ?? null,
  start: Number(m.dataset.start), end: Number(m.dataset.end),
  text: m.textContent, tab: m.tabIndex }))"##;

const ROWS_JS: &str = r##"[...document.querySelectorAll("tr.rel")].map(r => ({
  doc: r.closest("section.doc").querySelector("h2").textContent,
  relation: r.dataset.relation, consistent: r.dataset.consistent,
  figures: r.dataset.figures.split(" ").map(id => {
    const m = document.getElementById(id);
    return m ? [Number(m.dataset.start), Number(m.dataset.end), m.textContent] : null; }),
  verdict: r.querySelector(".verdict").textContent }))"##;

/// The tooltip: whether it is shown, where, and what it says.
const TIP_JS: &str = r##"(() => { const t = document.getElementById("tip");
  const s = getComputedStyle(t), b = t.getBoundingClientRect();
  const a = document.activeElement;
  return { shown: !t.hidden && s.display !== "none" && s.visibility !== "hidden" && b.width > 0 && b.height > 0,
    text: t.textContent, active: a.id, activeClass: a.className,
    described: a.getAttribute("aria-describedby") }; })()"##;

#[test]
#[cfg_attr(
    chiffre_no_chromium,
    ignore = "chromium not installed: apt-get install -y chromium, or set $CHROME, then touch build.rs"
)]
fn report_in_a_real_browser() {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let page = tmp.join("report.html");
    let o = chiffre(&["report", "examples/articles", "-o", page.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let (_browser, url) = launch(&tmp);
    let mut dt = Devtools::connect(&url);
    let target = dt.call("Target.createTarget", json!({"url": "about:blank"}));
    let attached = dt.call(
        "Target.attachToTarget",
        json!({"targetId": target["targetId"], "flatten": true}),
    );
    dt.session = Some(attached["sessionId"].as_str().unwrap().to_string());
    for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
        dt.call(domain, json!({}));
    }
    let file_url = format!("file://{}", page.canonicalize().unwrap().display());
    dt.call("Page.navigate", json!({"url": file_url}));
    dt.wait_for("Page.loadEventFired");

    // Every figure of `chiffre figures`, once, with its attributes.
    let rows = jsonl(&["figures", "examples/articles", "--format", "jsonl"]);
    let figs = dt.eval(FIGURES_JS);
    let figs = figs.as_array().unwrap();
    assert_eq!(figs.len(), rows.len());
    assert_eq!(figs.len(), 111);
    for row in &rows {
        let matching: Vec<&Value> = figs
            .iter()
            .filter(|f| {
                f["doc"] == row["source"] && f["start"] == row["start"] && f["end"] == row["end"]
            })
            .collect();
        assert_eq!(matching.len(), 1, "{row}");
        let f = matching[0];
        for k in ["kind", "value", "min", "max", "currency", "unit", "text"] {
            assert_eq!(f[k], row[k], "{k} of {row}");
        }
        assert_eq!(f["tab"], 0, "{row}");
    }

    // The check rows of `chiffre check`, each pointing at its figures.
    let relations = jsonl(&["check", "examples/articles", "--format", "jsonl"]);
    let checks = dt.eval(ROWS_JS);
    let checks = checks.as_array().unwrap();
    assert_eq!(checks.len(), relations.len());
    assert!(relations.len() >= 15, "{}", relations.len());
    for (c, r) in checks.iter().zip(&relations) {
        assert_eq!(c["doc"], r["source"]);
        assert_eq!(c["relation"], r["kind"]);
        assert_eq!(c["consistent"], r["consistent"].to_string());
        let want: Vec<Value> = r["figures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| json!([p["start"], p["end"], p["text"]]))
            .collect();
        assert_eq!(c["figures"], json!(want), "{r}");
    }
    let verdicts: Vec<&str> = checks
        .iter()
        .map(|c| c["verdict"].as_str().unwrap())
        .collect();
    assert!(verdicts.contains(&"inconsistent") && verdicts.contains(&"consistent"));

    // The table across the documents, every cell's link a figure.
    let table = dt.eval(
        r##"(() => { const rows = [...document.querySelectorAll("#reconcile tr.group")];
          const links = [...document.querySelectorAll("#reconcile a[href^='#d']")];
          return { rows: rows.length, links: links.length,
                   dangling: links.filter(a => !document.getElementById(a.getAttribute("href").slice(1))).length }; })()"##,
    );
    let groups = jsonl(&[
        "reconcile",
        "examples/articles",
        "--format",
        "jsonl",
        "--min-docs",
        "2",
    ]);
    assert_eq!(table["rows"], groups.len());
    assert!(table["links"].as_u64().unwrap() >= 2 * groups.len() as u64);
    assert_eq!(table["dangling"], 0);

    // The keyboard: Tab goes from figure to figure, and the tooltip shows
    // the focused figure's value, unit and interval.
    let tip = dt.eval(TIP_JS);
    assert_eq!(tip["shown"], false);
    let ids: Vec<&str> = figs.iter().map(|f| f["id"].as_str().unwrap()).collect();
    for (i, id) in ids.iter().take(3).enumerate() {
        dt.key("Tab", "Tab", 9);
        let tip = dt.eval(TIP_JS);
        assert_eq!(tip["active"], *id, "Tab number {}", i + 1);
        assert_eq!(tip["shown"], true, "{tip}");
        assert_eq!(tip["described"], "tip");
        let f = &figs[i];
        let text = tip["text"].as_str().unwrap();
        for want in [&f["text"], &f["value"], &f["currency"], &f["unit"]] {
            if let Some(w) = want.as_str() {
                assert!(text.contains(w), "{w} in {text}");
            }
        }
        assert!(text.contains("interval"), "{text}");
    }
    dt.key("Escape", "Escape", 27);
    assert_eq!(dt.eval(TIP_JS)["shown"], false);

    // A click on an inconsistent check outlines its figures, marked in the text.
    let row = dt.eval(
        r##"(() => { const r = document.querySelector("tr.rel[data-consistent='false']");
          r.scrollIntoView({block: "center"}); const b = r.getBoundingClientRect();
          return { x: b.left + 20, y: b.top + b.height / 2, figures: r.dataset.figures }; })()"##,
    );
    dt.click(row["x"].as_f64().unwrap(), row["y"].as_f64().unwrap());
    let outlined = dt.eval(
        r##"(() => ({ outlined: [...document.querySelectorAll(".fig.outlined")].map(m => m.id).join(" "),
          bad: [...document.querySelectorAll(".fig.outlined")].every(m => m.classList.contains("bad")),
          selected: document.querySelectorAll("tr.rel.selected").length }))()"##,
    );
    assert_eq!(outlined["outlined"], row["figures"]);
    assert_eq!(outlined["bad"], true);
    assert_eq!(outlined["selected"], 1);
    // And Enter on a focused row does the same.
    let other = dt.eval(
        r##"(() => { const r = document.querySelectorAll("tr.rel")[1]; r.focus(); return r.dataset.figures; })()"##,
    );
    dt.key("Enter", "Enter", 13);
    let now =
        dt.eval(r##"[...document.querySelectorAll(".fig.outlined")].map(m => m.id).join(" ")"##);
    assert_eq!(now, other);

    // Phone width: one column, nothing wider than the screen.
    dt.call(
        "Emulation.setDeviceMetricsOverride",
        json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true}),
    );
    let phone = dt.eval(
        r##"({ width: document.documentElement.scrollWidth,
              cols: getComputedStyle(document.querySelector(".cols")).display })"##,
    );
    assert_eq!(phone["cols"], "block");
    assert!(phone["width"].as_u64().unwrap() <= 390, "{phone}");
    dt.call("Emulation.clearDeviceMetricsOverride", json!({}));

    // Print: one column, no tooltip, colours kept.
    dt.key("Tab", "Tab", 9);
    dt.call("Emulation.setEmulatedMedia", json!({"media": "print"}));
    let print = dt.eval(
        r##"({ cols: getComputedStyle(document.querySelector(".cols")).display,
              tip: getComputedStyle(document.getElementById("tip")).display,
              adjust: getComputedStyle(document.querySelector("mark.fig")).printColorAdjust })"##,
    );
    assert_eq!(
        print,
        json!({"cols": "block", "tip": "none", "adjust": "exact"})
    );
    dt.call("Emulation.setEmulatedMedia", json!({"media": ""}));

    // The screenshot: the inconsistent article, a check selected and a
    // figure's tooltip open.
    dt.eval(
        r##"(() => { const r = document.querySelector("tr.rel[data-consistent='false']");
          r.click(); const s = r.closest("section"); window.scrollTo(0, s.offsetTop - 8);
          const m = document.querySelector("tr.rel[data-consistent='false']").dataset.figures.split(" ")[0];
          document.getElementById(m).focus({preventScroll: true}); return true; })()"##,
    );
    // The mouse away from the tables (no row under it).
    dt.call(
        "Input.dispatchMouseEvent",
        json!({"type": "mouseMoved", "x": 1, "y": 1}),
    );
    let shot = dt.call("Page.captureScreenshot", json!({"format": "png"}));
    let png = base64::engine::general_purpose::STANDARD
        .decode(shot["data"].as_str().unwrap())
        .unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    std::fs::write(tmp.join("report.png"), &png).unwrap();

    // No error anywhere: console, exceptions, refused scripts or requests.
    let errors = dt.errors();
    assert!(errors.is_empty(), "errors in the page: {errors:#?}");
}
