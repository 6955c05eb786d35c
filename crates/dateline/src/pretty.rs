//! The human-readable view printed on a terminal.

use dateline_core::Document;
use std::io::{self, Write};

pub fn write(w: &mut impl Write, d: &Document, code: bool) -> io::Result<()> {
    if let Some(e) = &d.error {
        return writeln!(w, "✗ {}\n  error: {e}\n", d.source);
    }
    let a = &d.article;
    writeln!(w, "━━ {}", a.title.as_deref().unwrap_or("(untitled)"))?;
    writeln!(w, "   source:    {}", d.source)?;
    let mut meta = Vec::new();
    if !a.byline.is_empty() {
        meta.push(format!("by {}", a.byline.join(", ")));
    }
    if let Some(p) = &a.published {
        meta.push(p.clone());
    }
    if let Some(o) = &a.outlet {
        meta.push(o.clone());
    }
    if !meta.is_empty() {
        writeln!(w, "   article:   {}", meta.join(" · "))?;
    }
    if !a.credits.is_empty() {
        writeln!(w, "   credits:   {}", a.credits.join(", "))?;
    }
    for r in &a.related {
        writeln!(w, "   related:   {}", r.title)?;
    }
    let words = d.body.split_whitespace().count();
    match &a.language {
        Some(l) if !dateline_code::is_english(l) => {
            let name = dateline_read::language::name_of(l);
            writeln!(w, "   body:      {words} words in {name} ({l})")?
        }
        _ => writeln!(w, "   body:      {words} words")?,
    }
    for note in d
        .warnings
        .iter()
        .filter(|n| n.starts_with(dateline_code::NOT_ANNOTATED))
    {
        writeln!(w, "   {note}")?;
    }
    if !code {
        let preview: String = d.body.chars().take(300).collect();
        writeln!(
            w,
            "\n{preview}{}\n",
            if d.body.len() > preview.len() {
                "…"
            } else {
                ""
            }
        )?;
        return Ok(());
    }
    if let Some(es) = &d.entities {
        let mut seen = std::collections::BTreeSet::new();
        for e in es {
            seen.insert(format!(
                "{} ({})",
                e.canonical.as_deref().unwrap_or(&e.text),
                e.kind.as_str()
            ));
        }
        writeln!(
            w,
            "   entities:  {}",
            seen.into_iter().collect::<Vec<_>>().join(", ")
        )?;
    }
    if let Some(ts) = &d.times {
        let v: Vec<String> = ts
            .iter()
            .map(|t| format!("{} → {}", t.text, t.value.as_deref().unwrap_or("?")))
            .collect();
        writeln!(w, "   times:     {}", v.join("; "))?;
    }
    if let Some(ps) = &d.places {
        let v: Vec<String> = ps
            .iter()
            .map(|p| {
                format!(
                    "{} ({:.2}, {:.2} {})",
                    p.name,
                    p.lat,
                    p.lon,
                    p.country.as_deref().unwrap_or("")
                )
            })
            .collect();
        writeln!(w, "   places:    {}", v.join("; "))?;
    }
    if let Some(x) = &d.explain {
        for p in &x.places {
            write_decision(w, p)?;
        }
    }
    if let Some(qs) = &d.quotes {
        for q in qs {
            let who = q
                .speaker
                .as_ref()
                .map(|s| s.canonical.as_deref().unwrap_or(&s.text))
                .unwrap_or("?");
            let t: String = q.text.chars().take(90).collect();
            writeln!(
                w,
                "   quote:     [{}] {who}: “{t}{}”",
                q.kind,
                if q.text.len() > t.len() { "…" } else { "" }
            )?;
        }
    }
    if let Some(evs) = &d.events {
        let terms = d.explain.as_ref().map(|x| &x.events);
        for (i, e) in evs.iter().enumerate() {
            let actor = |a: &Option<dateline_core::Actor>| {
                a.as_ref()
                    .map(|a| {
                        format!(
                            "{} [{}]",
                            a.canonical.as_deref().unwrap_or(&a.text),
                            a.code.as_deref().unwrap_or("---")
                        )
                    })
                    .unwrap_or_else(|| "?".into())
            };
            writeln!(
                w,
                "   event:     {} {} {}{} → {}  {}{}",
                e.cameo,
                e.plover.as_deref().unwrap_or("-"),
                if e.negated { "NOT " } else { "" },
                actor(&e.source),
                actor(&e.target),
                e.date.as_deref().unwrap_or("undated"),
                e.place
                    .as_ref()
                    .map(|p| format!(" @ {}", p.name))
                    .unwrap_or_default()
            )?;
            if let Some(t) = terms.and_then(|t| t.get(i)) {
                write_confidence(w, t)?;
            }
        }
    }
    writeln!(w)
}

/// The terms of an event's confidence under `--explain`: its features with their weights.
fn write_confidence(w: &mut impl Write, t: &dateline_core::ConfidenceTerms) -> io::Result<()> {
    let terms: Vec<String> = t
        .features
        .iter()
        .map(|f| format!("{} {:+.2}", f.feature, f.weight))
        .collect();
    writeln!(
        w,
        "   explain:   confidence {:.2} = logistic({})",
        t.confidence,
        terms.join(", ")
    )
}

/// One line per place decision of `--explain`: outcome, rule, and the best readings.
fn write_decision(w: &mut impl Write, p: &dateline_core::PlaceDecision) -> io::Result<()> {
    let read_as = p
        .read_as
        .map(|k| format!(" read as {}", k.as_str()))
        .unwrap_or_default();
    let readings: Vec<String> = p
        .candidates
        .iter()
        .take(3)
        .map(|c| {
            let score = c.score.map(|s| format!(" {s:.2}")).unwrap_or_default();
            format!(
                "{} {} {}{score}",
                c.name,
                c.country.as_deref().unwrap_or(""),
                c.feature
            )
        })
        .collect();
    writeln!(
        w,
        "   explain:   {} ({}{read_as}): {} by {}{}{}",
        p.text,
        p.entity_type.as_str(),
        p.outcome,
        p.rule,
        if readings.is_empty() { "" } else { " — " },
        readings.join("; ")
    )
}
